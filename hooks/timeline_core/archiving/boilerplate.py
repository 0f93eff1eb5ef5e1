"""Lines a page puts inside an article that are not the article: "Read also: …", "Reading time: 3
minutes", "Follow us on Instagram", "CONTINUES AFTER THE ADVERTISEMENT", "Filed under: …", appeals
for newsletters and donations, share and print buttons, copyright and photo credit lines. Each
family is a pattern in the languages we know; a line is left
out only when it is short and the whole of it is such a notice, and `source add` lists what it left
out so that a contributor can put back a line it should not have taken.
"""

from __future__ import annotations

import re

MAX_WORDS = 25  # a notice is short: a longer line is a paragraph, whatever it starts with

_FAMILIES = {
    "read also": r"(read also|read more|see also|also on [\w-]+\.\w+\b.*|related (stories|articles|posts)|"
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
    "listen live": r"(listen live|écouter en direct|escucha en directo|ouça ao vivo)\b.*",
    "appeal": r".*\b(donate today|support our journalism|sign up for our newsletter|subscribe to our newsletter|"
    r"subscribe to .{0,40}newsletters?|tell us what you think|have a (news )?tip\b|"
    r"inscrivez-vous à notre newsletter|faça uma doação|suscríbete a nuestro boletín|"
    r"abonnieren sie unseren newsletter)\b.*",
}
_NOTICE = re.compile("|".join(f"(?:{pattern})" for pattern in _FAMILIES.values()), re.IGNORECASE)
_EDGES = "[]()|·•—–-:*#>» \u00a0"


def is_boilerplate(line: str) -> bool:
    """Whether a line of extracted text is, in full, one of the notices above."""
    text = line.strip(_EDGES)
    return bool(text) and len(text.split()) <= MAX_WORDS and _NOTICE.fullmatch(text) is not None


def without_boilerplate(text: str) -> tuple[str, tuple[str, ...]]:
    """The text without its notice lines, and the lines left out (each once, in order)."""
    kept, dropped = [], []
    for line in text.split("\n"):
        if is_boilerplate(line):
            dropped.append(line)
        else:
            kept.append(line)
    return "\n".join(kept), tuple(dict.fromkeys(dropped))
