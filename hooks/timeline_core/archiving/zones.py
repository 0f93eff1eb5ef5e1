"""The publication's own time zone, to read a time it gives in UTC as the day it dated the article:
"2023-11-09T01:09:55Z" is 8 November at a paper that writes its times at -07:00, and a Berlin
paper's "2022-11-06T23:30:00Z" is its 7 November. The zone is the offset the page writes its own
times in; where it writes none, its country's, read from its address (".de", ".com.bo") or its
language's region (`lang="es-CO"`), for countries with one zone, through the system's time zone
database (none where the database is missing: the day is then read as given).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# seconds of one digit too ("23:15:0Z": a stamp some sites write)
STAMP = re.compile(r"\b(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{1,2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})")

# Countries with one time zone (their capital's), by the code their addresses and language tags use.
COUNTRY_ZONES = {
    "de": "Europe/Berlin", "at": "Europe/Vienna", "ch": "Europe/Zurich", "li": "Europe/Vaduz",
    "fr": "Europe/Paris", "be": "Europe/Brussels", "nl": "Europe/Amsterdam", "lu": "Europe/Luxembourg",
    "it": "Europe/Rome", "es": "Europe/Madrid", "pl": "Europe/Warsaw", "cz": "Europe/Prague",
    "sk": "Europe/Bratislava", "hu": "Europe/Budapest", "dk": "Europe/Copenhagen", "se": "Europe/Stockholm",
    "no": "Europe/Oslo", "fi": "Europe/Helsinki", "gr": "Europe/Athens", "ro": "Europe/Bucharest",
    "bg": "Europe/Sofia", "hr": "Europe/Zagreb", "si": "Europe/Ljubljana", "rs": "Europe/Belgrade",
    "ua": "Europe/Kyiv", "ie": "Europe/Dublin", "uk": "Europe/London", "gb": "Europe/London",
    "tr": "Europe/Istanbul", "il": "Asia/Jerusalem", "eg": "Africa/Cairo", "sa": "Asia/Riyadh",
    "ae": "Asia/Dubai", "qa": "Asia/Qatar", "jp": "Asia/Tokyo", "kr": "Asia/Seoul", "cn": "Asia/Shanghai",
    "tw": "Asia/Taipei", "hk": "Asia/Hong_Kong", "sg": "Asia/Singapore", "in": "Asia/Kolkata",
    "th": "Asia/Bangkok", "vn": "Asia/Ho_Chi_Minh", "ph": "Asia/Manila", "nz": "Pacific/Auckland",
    "za": "Africa/Johannesburg", "ng": "Africa/Lagos", "ke": "Africa/Nairobi", "ar": "America/Argentina/Buenos_Aires",
    "bo": "America/La_Paz", "cl": "America/Santiago", "co": "America/Bogota", "pe": "America/Lima",
    "uy": "America/Montevideo", "py": "America/Asuncion", "ve": "America/Caracas", "ec": "America/Guayaquil",
    "cr": "America/Costa_Rica", "gt": "America/Guatemala", "hn": "America/Tegucigalpa", "sv": "America/El_Salvador",
    "ni": "America/Managua", "pa": "America/Panama", "do": "America/Santo_Domingo", "cu": "America/Havana",
}  # fmt: skip
_LANG = re.compile(r"<html\b[^>]*\blang\s*=\s*[\"']?[a-z]{2,3}[-_]([A-Za-z]{2})\b", re.I)


def offset_of(written: str) -> dt.timedelta:
    """A stamp's offset ("Z", "+02:00", "-0700") as a length of time."""
    if written == "Z":
        return dt.timedelta(0)
    sign = -1 if written[0] == "-" else 1
    digits = written[1:].replace(":", "")
    return sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4]))


@functools.lru_cache(maxsize=2)  # asked for each date a page states, over the whole page
def written_zone(html: str) -> dt.tzinfo | None:
    """The commonest offset other than UTC's that the page writes its times in, if any."""
    local = [offset for found in STAMP.finditer(html) if (offset := offset_of(found.group(4)))]
    return dt.timezone(max(set(local), key=local.count)) if local else None


@functools.lru_cache(maxsize=2)
def home_zone(html: str, addresses: tuple[str, ...] = ()) -> dt.tzinfo | None:
    """The time zone the page dates its articles in: the commonest offset other than UTC's that it
    writes, else its country's (the ending of one of its `addresses`, else its language's region)."""
    if (written := written_zone(html)) is not None:
        return written
    countries = [host.rsplit(".", 1)[-1] for address in addresses if (host := urlsplit(address).hostname)]
    if region := _LANG.search(html):
        countries.append(region.group(1).lower())
    for country in countries:
        if country in COUNTRY_ZONES:
            try:
                return ZoneInfo(COUNTRY_ZONES[country])
            except (ZoneInfoNotFoundError, ValueError):
                return None
    return None
