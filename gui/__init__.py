"""Stance Atlas GUI: thin Qt widgets and item models over ``model/``."""
