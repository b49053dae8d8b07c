"""feedparser's tables that the fast path (``fastxml``) reads, copied here so that a parse worker
imports feedparser (0.08 s of CPU, in each worker of every cold refresh) only when a document
leaves the fast path. The copies are used only where the installed feedparser is the version
they were read from; with any other version, the tables are read from feedparser itself.
tests/fetching/test_feedparser_tables.py checks the copies against feedparser."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

COPIED_FROM = "6.0.14"

NAMESPACES: dict[str, str] = {
    "": "",
    "http://backend.userland.com/rss": "",
    "http://blogs.law.harvard.edu/tech/rss": "",
    "http://purl.org/rss/1.0/": "",
    "http://my.netscape.com/rdf/simple/0.9/": "",
    "http://example.com/newformat#": "",
    "http://example.com/necho": "",
    "http://purl.org/echo/": "",
    "uri/of/echo/namespace#": "",
    "http://purl.org/pie/": "",
    "http://purl.org/atom/ns#": "",
    "http://www.w3.org/2005/atom": "",
    "http://purl.org/rss/1.0/modules/rss091#": "",
    "http://webns.net/mvcb/": "admin",
    "http://purl.org/rss/1.0/modules/aggregation/": "ag",
    "http://purl.org/rss/1.0/modules/annotate/": "annotate",
    "http://media.tangent.org/rss/1.0/": "audio",
    "http://backend.userland.com/blogchannelmodule": "blogChannel",
    "http://creativecommons.org/ns#license": "cc",
    "http://web.resource.org/cc/": "cc",
    "http://cyber.law.harvard.edu/rss/creativecommonsrssmodule.html": "creativeCommons",
    "http://backend.userland.com/creativecommonsrssmodule": "creativeCommons",
    "http://purl.org/rss/1.0/modules/company": "co",
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://my.theinfo.org/changed/1.0/rss/": "cp",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://purl.org/rss/1.0/modules/email/": "email",
    "http://purl.org/rss/1.0/modules/event/": "ev",
    "http://rssnamespace.org/feedburner/ext/1.0": "feedburner",
    "http://freshmeat.net/rss/fm/": "fm",
    "http://xmlns.com/foaf/0.1/": "foaf",
    "http://www.w3.org/2003/01/geo/wgs84_pos#": "geo",
    "http://www.georss.org/georss": "georss",
    "http://www.opengis.net/gml": "gml",
    "http://postneo.com/icbm/": "icbm",
    "http://purl.org/rss/1.0/modules/image/": "image",
    "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
    "http://example.com/dtds/podcast-1.0.dtd": "itunes",
    "http://purl.org/rss/1.0/modules/link/": "l",
    "http://search.yahoo.com/mrss": "media",
    "http://search.yahoo.com/mrss/": "media",
    "http://madskills.com/public/xml/rss/module/pingback/": "pingback",
    "http://prismstandard.org/namespaces/1.2/basic/": "prism",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
    "http://purl.org/rss/1.0/modules/reference/": "ref",
    "http://purl.org/rss/1.0/modules/richequiv/": "reqv",
    "http://purl.org/rss/1.0/modules/search/": "search",
    "http://purl.org/rss/1.0/modules/slash/": "slash",
    "http://schemas.xmlsoap.org/soap/envelope/": "soap",
    "http://purl.org/rss/1.0/modules/servicestatus/": "ss",
    "http://hacks.benhammersley.com/rss/streaming/": "str",
    "http://purl.org/rss/1.0/modules/subscription/": "sub",
    "http://purl.org/rss/1.0/modules/syndication/": "sy",
    "http://schemas.pocketsoap.com/rss/mydescmodule/": "szf",
    "http://purl.org/rss/1.0/modules/taxonomy/": "taxo",
    "http://purl.org/rss/1.0/modules/threading/": "thr",
    "http://purl.org/rss/1.0/modules/textinput/": "ti",
    "http://madskills.com/public/xml/rss/module/trackback/": "trackback",
    "http://wellformedweb.org/commentapi/": "wfw",
    "http://purl.org/rss/1.0/modules/wiki/": "wiki",
    "http://www.w3.org/1999/xhtml": "xhtml",
    "http://www.w3.org/1999/xlink": "xlink",
    "http://www.w3.org/xml/1998/namespace": "xml",
    "http://podlove.org/simple-chapters": "psc",
}
"""Namespace URI (lower-cased) -> the prefix feedparser names its elements with."""

HANDLED = frozenset(
    {
        "abstract",
        "author",
        "body",
        "category",
        "cc_license",
        "channel",
        "cloud",
        "content",
        "content_encoded",
        "contributor",
        "copyright",
        "created",
        "creativeCommons_license",
        "creativecommons_license",
        "dc_author",
        "dc_contributor",
        "dc_creator",
        "dc_date",
        "dc_description",
        "dc_language",
        "dc_publisher",
        "dc_rights",
        "dc_subject",
        "dc_title",
        "dcterms_created",
        "dcterms_issued",
        "dcterms_modified",
        "dcterms_valid",
        "description",
        "email",
        "enclosure",
        "entry",
        "expirationdate",
        "feed",
        "feedburner_browserfriendly",
        "fullitem",
        "generator",
        "geom",
        "georss_box",
        "georss_line",
        "georss_point",
        "georss_polygon",
        "georss_where",
        "georssgeom",
        "gml_exterior",
        "gml_linearring",
        "gml_linestring",
        "gml_point",
        "gml_polygon",
        "gml_pos",
        "gml_poslist",
        "guid",
        "height",
        "homepage",
        "id",
        "image",
        "info",
        "issued",
        "item",
        "itunes_author",
        "itunes_block",
        "itunes_category",
        "itunes_email",
        "itunes_explicit",
        "itunes_image",
        "itunes_keywords",
        "itunes_link",
        "itunes_name",
        "itunes_owner",
        "itunes_subtitle",
        "itunes_summary",
        "keywords",
        "language",
        "lastbuilddate",
        "link",
        "managingeditor",
        "media_category",
        "media_content",
        "media_credit",
        "media_description",
        "media_group",
        "media_keywords",
        "media_license",
        "media_player",
        "media_rating",
        "media_restriction",
        "media_thumbnail",
        "media_title",
        "modified",
        "name",
        "newlocation",
        "psc_chapter",
        "psc_chapters",
        "pubdate",
        "published",
        "rights",
        "rss",
        "source",
        "subtitle",
        "summary",
        "tagline",
        "tags",
        "textInput",
        "textinput",
        "title",
        "updated",
        "uri",
        "url",
        "webmaster",
        "where",
        "width",
        "xhtml_body",
    }
)
"""Element names (prefix_localname) that feedparser has a start or end handler for."""


def feedparser_tables() -> tuple[dict[str, str], frozenset[str]]:
    """NAMESPACES and HANDLED of the installed feedparser."""
    if _installed_version_is_copied():
        return NAMESPACES, HANDLED
    from feedparser.mixin import _FeedParserMixin

    return read_tables(_FeedParserMixin)


def read_tables(mixin: Any) -> tuple[dict[str, str], frozenset[str]]:
    namespaces = {uri.lower(): prefix for uri, prefix in mixin.namespaces.items()}
    handled = frozenset(
        name.split("_", 2)[2] for name in dir(mixin) if name.startswith(("_start_", "_end_"))
    )
    return namespaces, handled


def _installed_version_is_copied() -> bool:
    """Whether pip's record of the installed feedparser names COPIED_FROM, found without
    importing feedparser (importlib.metadata alone costs half of what this saves)."""
    spec = importlib.util.find_spec("feedparser")
    if spec is None or spec.origin is None:
        return False
    site_packages = Path(spec.origin).parent.parent
    return (site_packages / f"feedparser-{COPIED_FROM}.dist-info").is_dir()
