"""News-database exports the tests write themselves, in the layouts of LexisNexis, Nexis Uni and Factiva.

The layouts follow the databases' downloads as the readers of LexisNexisTools (R) and tm.plugin.factiva
read them; every text is invented."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx


@dataclass(frozen=True)
class Story:
    title: str
    outlet: str
    date: str          # as the database writes it
    iso: str           # what the reader should make of it
    byline: str
    section: str
    words: int
    body: tuple[str, ...]


STORIES = (
    Story("Pakistan hosts regional intelligence chiefs", "Dawn (Pakistan)", "September 11, 2021 Saturday", "2021-09-11",
          "Staff Reporter", "NATIONAL; Pg. 1", 64,
          ("ISLAMABAD: Pakistan hosted the intelligence chiefs of China, Iran and Russia on Saturday.",
           "Russia welcomed the talks and supported a regional solution for Afghanistan.")),
    Story("Russia declines Taliban inauguration", "The Moscow Times", "September 10, 2021 Friday", "2021-09-10",
          "Anna Petrova", "WORLD", 52,
          ("MOSCOW: Russia will not take part in the inauguration ceremony of the new Afghan government.",
           "The Kremlin said the decision was final.")),
    Story("Medvedev warns of migration crisis", "The Guardian (London)", "January 11, 2010 Monday", "2010-01-11",
          "John Smith", "WORLD NEWS; Pg. 5", 48,
          ("LONDON: Medvedev warned that Europe could face a migration crisis.",
           "Germany rejected the warning and called for calm.")),
)

COPYRIGHT = "Copyright 2021 Invented Newspapers Ltd"


def lexisnexis_text(stories: tuple[Story, ...] = STORIES, stated: int | None = None) -> str:
    """A LexisNexis Academic text download: "N of M DOCUMENTS" blocks."""
    total = stated if stated is not None else len(stories)
    out = []
    for n, s in enumerate(stories, 1):
        out.append(
            f"\n                               {n} of {total} DOCUMENTS\n\n\n"
            f"                              {s.outlet}\n\n"
            f"                            {s.date}\n"
            f"                                 Final Edition\n\n"
            f"{s.title}\n\n"
            f"BYLINE: {s.byline}\n\n"
            f"SECTION: {s.section}\n\n"
            f"LENGTH: {s.words} words\n\n\n"
            + "\n\n".join(s.body) + "\n\n\n"
            f"LOAD-DATE: {s.date}\n\n"
            "LANGUAGE: ENGLISH\n\n"
            "PUBLICATION-TYPE: Newspaper\n\n"
            f"                    {COPYRIGHT}\n"
            "                              All Rights Reserved\n"
        )
    return "".join(out)


def factiva_text(stories: tuple[Story, ...] = STORIES) -> str:
    """Factiva's "full article plus indexing" text: field codes, one article from each HD."""
    out = []
    for k, s in enumerate(stories):
        day = s.iso.split("-")
        out.append(
            f"HD\n{s.title}\nBY\n{s.byline}\nWC\n{s.words} words\nPD\n{int(day[2])}. July {day[0]}\n"
            f"SN\n{s.outlet}\nSE\n{s.section}\nLA\nEnglish\nCY\n(c) {day[0]} Invented Media. All rights reserved.\n"
            f"LP\n{s.body[0]}\nTD\n" + "\n".join(s.body[1:]) + "\n"
            f"AN\nDocument INVENT00020190705ef750000{k}\n\n"
        )
    return "".join(out)


def factiva_iso(s: Story) -> str:
    """The date :func:`factiva_text` and :func:`factiva_html` give a story ("5. July 2019" style)."""
    year, _, day = s.iso.split("-")
    return f"{year}-07-{day}"


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append(f"\\u{ord(ch)}?")
        else:
            out.append(ch)
    return "".join(out)


def rtf_of(text: str) -> str:
    """``text`` as an RTF document, a paragraph per line (as the databases' RTF downloads are)."""
    paras = "".join(f"\\pard\\plain\\f0\\fs20 {_rtf_escape(line)}\\par\n" for line in text.split("\n"))
    return "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n" + paras + "}"


def factiva_html(stories: tuple[Story, ...] = STORIES) -> str:
    """A Factiva HTML download: a ``div.article`` per article, field codes in table rows."""
    arts = []
    for s in stories:
        year, _, day = s.iso.split("-")
        rows = [("HD", f"<b>{s.title}</b>"), ("BY", s.byline), ("WC", f"{s.words} words"),
                ("PD", f"{int(day)} July {year}"), ("SN", s.outlet), ("SE", s.section), ("LA", "English"),
                ("CY", f"(c) {year} Invented Media"),
                ("LP", f"<p class='articleParagraph enarticleParagraph'>{s.body[0]}</p>"),
                ("TD", "".join(f"<p class='articleParagraph enarticleParagraph'>{b}</p>" for b in s.body[1:]))]
        table = "".join(f"<tr><td><b>{c}</b></td><td>{v}</td></tr>" for c, v in rows)
        arts.append(f"<div class='article enArticle'><table border='0'>{table}</table></div>")
    return ("<html><head><meta charset='utf-8'><title>Factiva</title></head><body>"
            "<div id='headlines'>Search results</div>" + "".join(arts) + "</body></html>")


def factiva_xml(stories: tuple[Story, ...] = STORIES) -> str:
    """A Factiva XML download: ``ppsarticle`` elements."""
    items = []
    for s in stories:
        tail = "".join(f"<paragraph>{b}</paragraph>" for b in s.body[1:])
        items.append(
            "<ppsarticle><article>"
            f"<headline><paragraph>{s.title}</paragraph></headline><byline>{s.byline}</byline>"
            f"<leadParagraph><paragraph>{s.body[0]}</paragraph></leadParagraph><tailParagraphs>{tail}</tailParagraphs>"
            f"<publicationDate><date>{s.iso}</date></publicationDate><sourceName>{s.outlet}</sourceName>"
            f"<sectionName>{s.section}</sectionName><wordCount>{s.words}</wordCount>"
            f"<copyright>{COPYRIGHT}</copyright></article></ppsarticle>"
        )
    return ("<?xml version='1.0' encoding='UTF-8'?><ppsarticleResponse><ppsarticleResultSet>"
            + "".join(items) + "</ppsarticleResultSet></ppsarticleResponse>")


def nexis_uni_docx(path: Path, stories: tuple[Story, ...] = STORIES, end_last: bool = True) -> Path:
    """A Nexis Uni Word download: a cover list, then each article ending with "End of Document"."""
    d = docx.Document()
    for line in ("User Name: = Invented", "Date and Time: = 2021-09-12", "Job Number: = 12345",
                 f"Documents ({len(stories)})"):
        d.add_paragraph(line)
    for n, s in enumerate(stories, 1):
        d.add_paragraph(f"{n}. {s.title}")
        d.add_paragraph("Client/Matter: -None- Search Terms: Afghanistan Search Type: Natural Language")
    for n, s in enumerate(stories, 1):
        d.add_page_break()
        for line in (s.title, s.outlet, s.date, COPYRIGHT, f"Section: {s.section}", f"Length: {s.words} words",
                     f"Byline: {s.byline}", "Body", *s.body, f"Load-Date: {s.date}"):
            d.add_paragraph(line)
        if end_last or n < len(stories):
            d.add_paragraph("End of Document")
    d.save(str(path))
    return path
