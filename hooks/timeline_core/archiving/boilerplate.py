"""Lines a page puts inside an article that are not the article: "Read also: …", "Reading time: 3
minutes", "Don't miss", a tabloid's tagged link ("… [VIDEO]"), a wire's reprint licence and contact
line, "Follow us on Instagram", "CONTINUES AFTER THE ADVERTISEMENT", "Filed under: …", appeals for
newsletters and donations, share and print buttons, copyright and photo credit lines, and a line
listing the page's own tags. Each family is a pattern in the languages we know; a line is left out
only when it is short and the whole of it is such a notice (a reprint licence whatever its length),
and `source add` lists what it left out so that a contributor can put back a line it should not
have taken.
"""

from __future__ import annotations

import re

from .metadata import listed

MAX_WORDS = 25  # a notice is short: a longer line is a paragraph, whatever it starts with

_FAMILIES = {
    "read also": r"(read also|read more|see also|see more|don['’]t miss|also on [\w-]+\.\w+\b.*|"
    r"related (stories|articles|posts)|"
    r"lire aussi|à lire aussi|"
    r"voir aussi|lee también|lea también|te puede interesar|leia também|leia mais|veja também|mehr zum thema|"
    r"lesen sie auch|читайте также|см\. также)(\s*:.*)?",
    "reading time": r"(reading time|read time|temps de lecture|tiempo de lectura|tempo de leitura|lesezeit|"
    r"время чтения)\b.*\d.*",
    "follow us": r"(follow us|suivez-nous|síguenos|siga-nos|folgen sie uns|подписывайтесь)\b.*",
    "filed under": r"(filed under|tagged|tags|archivado en|archivé dans|arquivado em|schlagwörter|теги)(\s*:.*)?",
    "comments": r"(\d+\s+)?(comments?|kommentare?|commentaires?|comentarios?|comentários?|комментари[йи])",
    "share": r"(like this (story|article)\?\s*)?(share (it|this( article| story)?)( with a friend)?|"
    r"share on (facebook|twitter|x|whatsapp|linkedin)|order reprints|reprints|print( this)? article|"
    r"partager (cet article|sur facebook)|compartir (en facebook|este artículo)|artikel teilen)!?",
    "copyright": r".*(©|\bcopyright\b|all rights reserved|tous droits réservés|todos los derechos reservados|"
    r"alle rechte vorbehalten|todos os direitos reservados|все права защищены|版权所有|جميع الحقوق محفوظة).*",
    "credit": r"(photos?|foto|fotos|bild|image|credit|crédit|crédito|фото)\s*:\s*\S.{0,60}",
    "shortcode": r"\[?\w+\b[^\]]*\].*\[/\w+\]?",  # [button …]…[/button], its edges stripped
    "advertisement": r"(advertisement|continues? after (the )?advertisement|story continues below( advertisement)?|"
    r"continúa después de la publicidad|publicidad|continua depois da publicidade|publicidade|publicité|"
    r"la suite après (cette )?publicité|anzeige|werbung|реклама)",
    # a tabloid's link to another story, tagged: "China furious at Macron … [INSIGHT]" (its "]" stripped)
    "tagged link": r".+\s\[(video|pics?|pictures|photos?|insight|reaction|latest|revealed|poll|analysis|"
    r"explained|live|update)",
    "contact": r"write to .{1,80} at \S+@\S+\.\w+",  # "Write to Al Root at allen.root@…": a wire's contact line
    # a share-by-mail box's messages
    "page widget": r"(an error has occurred,? please try again( later)?\.?|this article has been sent to)",
    "listen live": r"(listen live|écouter en direct|escucha en directo|ouça ao vivo)\b.*",
    "appeal": r".*\b(donate today|support our journalism|sign up for our newsletter|subscribe to our newsletter|"
    r"subscribe to .{0,40}newsletters?|tell us what you think|have a (news )?tip\b|"
    r"inscrivez-vous à notre newsletter|faça uma doação|suscríbete a nuestro boletín|"
    r"abonnieren sie unseren newsletter)\b.*",
}
_NOTICE = re.compile("|".join(f"(?:{pattern})" for pattern in _FAMILIES.values()), re.IGNORECASE)
# Notices whose opening leaves no doubt, left out whatever their length: a reprint licence.
_LONG_NOTICE = re.compile(r"this copy is for your personal,? non-commercial use only\b.*", re.IGNORECASE)
_EDGES = "[]()|·•—–-:*#>» \u00a0"


def is_boilerplate(line: str) -> bool:
    """Whether a line of extracted text is, in full, one of the notices above."""
    text = line.strip(_EDGES)
    if _LONG_NOTICE.fullmatch(text):
        return True
    return bool(text) and len(text.split()) <= MAX_WORDS and _NOTICE.fullmatch(text) is not None


def is_tag_line(line: str, tags: frozenset[str]) -> bool:
    """Whether a line is two or more of the page's tags (`metadata.page_tags`) and nothing else, as a
    tag list shows them ("KI, Technik", "科技、人工智能")."""
    parts = listed(line.strip(_EDGES))
    return len(parts) >= 2 and all(part in tags for part in parts)


def without_boilerplate(text: str, tags: frozenset[str] = frozenset()) -> tuple[str, tuple[str, ...]]:
    """The text without its notice lines and its tag list (`tags`: `metadata.page_tags`), and the lines
    left out (each once, in order)."""
    kept, dropped = [], []
    for line in text.split("\n"):
        if is_boilerplate(line) or (tags and is_tag_line(line, tags)):
            dropped.append(line)
        else:
            kept.append(line)
    return "\n".join(kept), tuple(dict.fromkeys(dropped))
