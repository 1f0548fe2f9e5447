"""The stance engine: who holds which position on which issue.

Pipeline per document (see :func:`model.engine.batch.extract_statements`):
``lexicon`` scans the whole text once (Aho-Corasick: cue verbs, topic cues,
negation, hedges, pronouns), the gazetteer finds actor names, ``sentences``
splits, and ``attribution`` decides per sentence who holds the stance
(subject, sayer, passive agent, possessor, first person, or a discourse
antecedent), who is only a target, and who merely reports it.
"""
