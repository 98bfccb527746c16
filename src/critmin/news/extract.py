"""Rule-based event extraction: sentences, triggers, argument scopes, article context.

For each sentence the extractor finds the event type by trigger phrases (in the precedence of
:data:`~critmin.news.records.EVENT_TYPES`), drops speculation, denials, questions and
sentences that only refer back to an earlier event ("the discovery", "the controls"), then
fills the arguments from the gazetteer's mentions in that sentence; what the sentence leaves
implicit (no country, no commodity, "the ministry") comes from the article's context. Pure:
an article in, events out.

An event is something reported as happening, decided or announced, not background. So:
conditions ("if") void a sentence, modals and negation void a trigger in their own clause;
habitual, definitional and multi-year statements ("typically", "takes three years", "for
decades") are skipped; clauses about a later state ("after the refinery is commissioned")
are blanked; and construction triggers (new_capacity, capacity_expansion) must have their
verb and a specific facility in one clause and be neither progressive ("is building"), a
gerund used as a noun, a relative clause nor an infinitive of purpose (see
:func:`_new_capacity_ok`). Output figures given as a rate or beside a rank or world share are
background statistics; a measure named only as what is being replaced is blanked; a subject
referring back to a reported event voids only triggers of that event's type; a place or
commodity opening a company name is not an argument; a digest paragraph headed by a country
name takes that country as its context. Since heldout5: a headline yields to the body's event
of its type; characterising a measure ("described ... as") is an opinion; "No. 19" is no
negation; "US$" is no country; "Perth-based Acme" gives Acme's home for later sentences; a
place named before "the ministry" is its locus.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from critmin.news.clean import clean_text
from critmin.news.dates import parse_iso, sentence_date
from critmin.news.gazetteer import Gazetteer, default_gazetteer
from critmin.news.places import city_context, embedded
from critmin.news.prefilter import LiteralGate, Scan, WordStarts
from critmin.news.quantities import event_quantity
from critmin.news.read import article_id
from critmin.news.records import EVENT_TYPES, Article, Event, Mention

_V = r"(?:s|ed|es|ing|d)?"
#: An amount of money: a currency sign, or millions and billions that are not tonnes or ounces.
_MONEY = (
    r"(?:\$|€|£|¥|\b(?:million|billion)\b(?!\s+(?:to|and|or|-)\s+[\d.,\u00b7]+\s+(?:million|billion)"
    r"\s+(?:metric\s+)?(?:tonnes|tons|t|ounces|oz|pounds|lbs)\b)(?!\s+(?:metric\s+)?(?:tonnes|tons|t|"
    r"ounces|oz|pounds|"
    r"lbs|barrels|units|people|cubic|square|litres|liters|kilograms|kg|vehicles|cars|years)\b))"
)
#: Nouns for a production site.
_FACILITY = (
    r"plants?|refiner(?:y|ies)|factor(?:y|ies)|facilit(?:y|ies)|smelters?|mines?|enterprises?|"
    r"concentrators?"
)
#: Trigger patterns per event type (matched case-insensitively on the sentence with company
#: and country names blanked out).
TRIGGERS: dict[str, tuple[str, ...]] = {
    "export_ban": (
        rf"\bban{_V}n?{_V}\b[^.;]{{0,50}}\bexports?\b",
        r"\bexport bans?\b",
        rf"\bprohibit{_V}\b[^.;]{{0,50}}\bexports?\b",
        rf"\b(?:suspend{_V}|halt{_V}|stop(?:s|ped)?|freez(?:e|es|ing)|froze)\b[^.;]{{0,40}}"
        r"\bexports?\b(?!\s+(?:controls?|licen[cs]))",
        r"\bexports?\b[^.;]{0,120}\b(?:not|no longer) (?:be )?(?:permitted|allowed)\b",
        # "will no longer allow exports of gallium", "the export of bauxite is prohibited"
        r"\b(?:no longer|not) (?:allow|permit)\w*\b[^.;]{0,20}\bexports?\b",
        r"\bexports?\b[^.;]{0,60}\b(?:is|are|was|were|be|been) (?:hereby )?(?:prohibited|banned)\b",
        r"\b(?:suspension|halt|stoppage|freeze) (?:of|on)\b[^.;]{0,40}\bexports?\b"
        r"(?!\s+(?:controls?|licen[cs]))",
        r"\bphas(?:e|es|ed|ing) out\b[^.;]{0,40}\bexports?\b",
        r"\bexports?\b[^.;,]{0,40}\b(?:halted|suspended|banned|prohibited|stopped|frozen)\b",
        r"\b(?:stop(?:s|ped|ping)?|halt\w*|suspend\w*|ceas(?:e|es|ed|ing)) exporting\b",
        # "barred miners from exporting", "prohibited companies from exporting"
        rf"\b(?:ban{_V}n?{_V}|bar(?:s|red)?|prohibit{_V}|forb(?:id|ade|ids))\b[^.;]{{0,50}}"
        r"\bfrom exporting\b",
        # "halted shipments abroad", "banned overseas sales"
        rf"\b(?:ban{_V}n?{_V}|prohibit{_V}|suspend{_V}|halt{_V}|stop(?:s|ped)?)\b[^.;]{{0,40}}"
        r"\b(?:shipments|sales|deliveries|cargoes)\s+(?:abroad|overseas|to foreign buyers)\b",
        rf"\b(?:ban{_V}n?{_V}|prohibit{_V}|suspend{_V}|halt{_V}|stop(?:s|ped)?)\b[^.;]{{0,40}}"
        r"\b(?:overseas|foreign|outbound) (?:shipments|sales|deliveries)\b",
        r"\bexport embargo\b",
        # "banned shipments of all three to the United States"
        rf"\bban{_V}n?{_V}\b[^.;]{{0,20}}\b(?:shipments|sales|deliveries|cargoes|supplies)\b"
        r"[^.;]{0,40}\bto\b",
        # "will no longer grant permits to export raw ore": a ban stated as a refusal
        r"\b(?:no longer|not|stop(?:s|ped)?|ceas(?:e|es|ed)(?: to)?)\s+(?:grant|issu|approv)\w*\b"
        r"[^.;]{0,20}\b(?:permits?|licen[cs]es?|approvals?)\s+(?:to|for)\s+export",
        r"\bembargo on\b[^.;]{0,40}\bexports?\b",
    ),
    "export_control": (
        r"\b(?:suspend|lift|ease|relax|scrap|revoke|extend|tighten|widen|expand)\w*\b[^.;]{0,20}"
        r"\bexport (?:controls?|curbs?|restrictions?|licensing)\b",
        r"\bexport controls?\b",
        r"\bexport (?:licen[cs](?:e|es|ing)|permits?|restrictions?|curbs?|quotas?)\b",
        r"\brequire (?:a |an )?(?:export )?(?:licen[cs]e|permit)s?\b",
        r"\brequir\w*\b[^.;]{0,100}\bto (?:obtain|apply for|hold|seek)\b[^.;,]{0,20}\b"
        r"(?:licen[cs]es?|permits?)\b",
        # "shipments of graphite to US end users would be subject to stricter reviews"
        r"\b(?:shipments|exports?|sales)\b[^.;]{0,60}\bbe\s+subject\s+to\s+(?:stricter\s+|tighter\s+|new\s+|"
        r"additional\s+)?(?:[\w-]+\s+)?(?:reviews?|checks|controls?|licen[cs]\w*|scrutiny|approval)\b",
        rf"\b(?:restrict{_V}|curb{_V}|limit{_V}|tighten{_V})\b[^.;]{{0,30}}\bexports?\b",
        r"\bexports?\b[^.;]{0,60}\b(?:require|need)s? (?:a |an )?(?:licen[cs]e|permit)",
        r"\bend-use reviews?\b",
        r"\bcontrol list\b",
        r"\b(?:licen[cs]\w*|quotas?)\b[^.;,]{0,40}\bexports?\b",
        r"\bexports?\b[^.;,]{0,40}\bquota (?:system|regime|scheme)s?\b",
        r"\bexports?\b[^.;,]{0,40}\b(?:system|regime|scheme) of (?:\w+ )?quotas\b",
        r"\bexports?\b[^.;,]{0,50}\bquotas?\b",
        r"\bcap(?:s|ped|ping)?\b[^.;]{0,30}\bexports?\b",
        r"\bexports?\b[^.;]{0,30}\b(?:capped|limited)\s+(?:at|to)\b",
        # "will need a licence to ship the metals abroad", "exporters must obtain permits"
        r"\b(?:need|needs|require|requires|required|obtain|apply for)\b[^.;,]{0,20}"
        r"\b(?:licen[cs]es?|permits?)\s+(?:to|before|for)\s+(?:export|ship|sell)\w*\b",
        r"\bexporters\b[^.;]{0,100}\b(?:need|require|must (?:obtain|apply for|hold))\b"
        r"[^.;,]{0,20}\b(?:licen[cs]es?|permits?|approval)\b",
        # "subject graphite shipments to stricter checks", "subjects every export to the prior
        # authorisation of the minister"
        r"\bsubject\w*\b[^.;]{0,60}\b(?:exports?|shipments|sales abroad)\b[^.;]{0,60}\bto\s+"
        r"(?:the\s+)?(?:stricter\s+|tighter\s+|prior\s+|additional\s+|new\s+)?(?:[\w-]+\s+)?"
        r"(?:checks|scrutiny|reviews?|controls?|licen[cs]\w*|authori[sz]ation|approval|permits?)\b",
        r"\bexport licensing requirements?\b",
        r"\b(?:conditions|rules|procedures?|regime)\s+(?:for|on|governing)\s+(?:the\s+)?exports?\b",
        # a standing requirement restated: "Licences for samarium ... are still needed"
        r"\blicen[cs]es?\b[^.;]{0,120}\b(?:are|is|remain)\s+(?:still\s+)?(?:needed|required|"
        r"in force|in place)\b",
        # "will need its approval to export", "require authorisation before exporting"
        r"\b(?:need|needs|require|requires|required)\b[^.;,]{0,20}\b(?:approval|"
        r"authori[sz]ation|consent)\s+(?:to export|before export\w*|for export\w*)",
    ),
    "sanction": (
        rf"\bsanction{_V}\b",
        r"\b(?:entity|sanctions|sdn|military end-user|unverified) list\b",
        r"\bspecially designated nationals?\b",
        r"\bofac\b",
        rf"\bblacklist{_V}\b",
        r"\bdesignations?\b",
        # "designated three companies", not "designated a strategic mineral"
        r"\bdesignat(?:ed|es|ing)\b[^.;]{0,40}\b(?:compan(?:y|ies)|entit(?:y|ies)|firms?|"
        r"individuals|persons|banks?|traders?|executives|oligarchs|exporters|suppliers|"
        r"producers|miners|subsidiaries)\b",
        r"\basset freezes?\b",
        r"\b(?:froze|freezes?|freezing)\b[^.;]{0,30}\bassets\b",
        r"\bassets\b[^.;]{0,30}\b(?:were|was|have been|had been) frozen\b",
        r"\b(?:barred|bars|bar|prohibit\w*)\b[^.;]{0,60}\bfrom (?:dealing|doing business|"
        r"trading) with\b",
        # "barred the exchanges from accepting metal produced in Russia"
        r"\b(?:barred|bars|bar|prohibit\w*|banned)\b[^.;]{0,80}\bfrom (?:accepting|buying|"
        r"importing|purchasing|handling|storing|clearing)\b",
        r"\btravel bans?\b",
        r"\brestrictive measures\b",
        r"\badd(?:s|ed|ing)?\b[^.;]{0,60}\bto (?:its|their|the|a) list of (?:entities|companies|"
        r"firms|individuals|persons)\b",
    ),
    "acquisition": (
        r"\bacquir(?:e|es|ed|ing)\b",
        r"\bacquisitions?\b",
        r"\btakeover\b",
        r"\btake over\b",
        r"\bmerger\b",
        r"\b(?:buy|buys|bought|buying|purchase[sd]?|take|takes|took|taken|taking)\b[^.;]{0,50}"
        r"\b(?:stake|shares|stock|equity)\b",
        r"\b(?:acquir\w*|bought|buy|purchas\w*|took|taken|take)\b[^.;]{0,30}\b(?:the remaining\s+)?"
        r"\d+(?:[.\u00b7]\d+)?\s?(?:%|per cent|percent) of\s+(?:the\s+|its\s+|their\s+)?"
        r"(?:remaining\s+|issued\s+|outstanding\s+)?(?:(?-i:[A-Z#])|(?:company|mine|project|shares?|"
        r"share capital|equity|capital|business|venture|operations?|assets?|unit|subsidiary|miner|"
        r"producer|developer|group|firm)\b)(?![^.;]{0,50}\b(?:output|production|supply|sales|volumes?|"
        r"offtake|concentrate|produces|produced|product|carbonate|hydroxide|ore|cathodes?)\b)",
        r"\btaking full ownership\b|\btakes? full (?:ownership|control)\b",
        r"\b(?:acquir\w*|bought|buy|purchas\w*|took|taken|take)\b[^.;]{0,40}\b\d+(?:\.\d+)?\s?"
        r"(?:%|per cent|percent) (?:interest|holding|participation)\b",
        # buying a company, not material from one ("buy a lithium developer", not "buy
        # lithium from a producer")
        r"\b(?:buy|buys|bought|purchase[sd]?)\b(?:(?!\bfrom\b)[^.;,]){0,40}\b(?:developer|miner|"
        r"producer|rival|company|firm|group|operator|owner|subsidiary)\b",
        # a named company: "agreed to buy Toronto-listed Kestrel Resources"
        r"\b(?:agreed to|agreement to|will|plans to|offer(?:ed)? to)\s+(?:buy|acquire|purchase|"
        r"take over)\s+(?:[#\w-]+-(?:listed|based)\s+)?(?-i:[A-Z])[\w&'-]+",
        # an asset: "agreed to buy the Laguna lithium brine project" (not its output)
        r"\b(?:buy|buys|bought|purchase[sd]?)\s+(?:the|a|an|its)\s+(?:(?!\b(?:from|output|"
        r"production|concentrate|tonnes|supply)\b)[^.;,]){0,50}\b(?:project|mine|deposit|assets?|"
        r"property|business|operations?)\b",
        r"\b(?:completed|closed|announced|agreed|finali[sz]ed)\b(?:[^.;,]|\.\d){0,40}"
        r"\b(?:purchase|buyout) of\b",
        r"\bbuyout\b",
        # nationalising a named company or its stake changes its owner ("nationalise Acme");
        # nationalising a sector or resource stays policy
        r"\bnationali[sz](?:e|es|ed|ing|ation of)\s+(?:the\s+)?(?:(?-i:[A-Z#])\w*|"
        r"(?:its|their|a|the)\s+(?:\w+\s+)?(?:stake|subsidiary|company|mine|miner|operator)\b)",
    ),
    "offtake": (
        r"\bofftakes?\b",
        # "the right to buy 40% of the mine's copper concentrate", "buy up to 60% of what it
        # produces"
        r"\b(?:buy|purchase|take)\b[^.;]{0,20}\b\d+(?:[.\u00b7]\d+)?\s?(?:%|per cent) of\b"
        r"[^.;]{0,50}\b(?:output|production|concentrate|produces|product|carbonate|hydroxide|ore|cathodes?|metal)\b",
        r"\bsupply (?:agreement|deal|contract)s?\b",
        # "signed an agreement with X to buy 12,000 tonnes a year of lithium carbonate"
        r"\b(?:agreement|contract|deal)\b[^.;]{0,60}\bto (?:supply|sell|deliver|buy|purchase)\b"
        r"[^.;]{0,30}\b[\d,\u00b7]+\s*(?:tonnes|tons|t|kt|lbs|pounds|ounces|oz)\b",
        r"\bsales (?:agreement|contract)s?\b",
        r"\b(?:agreed|agrees|agreeing|agreement|contract|deal) to (?:supply|sell|deliver|buy|"
        r"purchase)\b",
        r"\b(?:buy|buys|bought|purchase[sd]?)\b[^.;,]{0,40}\b(?:output|production)\b",
        r"\blong-term (?:supply )?(?:contract|supply|sales)\b",
        r"\b(?:supply|supplies|supplied|deliver(?:s|ed)?|sell|sells|sold)\b[^.;]{0,60}\bunder\s+"
        r"(?:a|an|the|its)\s+(?:[\w-]+\s+){0,3}(?:agreement|contract|deal)\b",
        r"\b(?:buy|purchase)\b[^.;]{0,20}\ball\b[^.;]{0,40}\b(?:output|production|produces|magnets)\b",
    ),
    "financing": (
        r"\bloans?\b",
        r"\blend(?:s|ing)?\b",
        r"\blent\b",
        r"\bletters? of (?:interest|support)\b",
        r"\bfinancing\b",
        r"\bfunding\b",
        # the verb, or a fund set up for a purpose, not an investor ("a sovereign wealth fund")
        rf"\b(?<!wealth )(?<!pension )(?<!hedge )(?<!sovereign )(?<!investment )(?<!equity )"
        rf"(?<!mutual )(?<!index )fund{_V}\b(?!\s+managers?\b)",
        r"\bgrants?\b",
        rf"\b(?:raise|raised|raises|raising)\b[^.;]{{0,30}}{_MONEY}",
        r"\bcommitted\b[^.;]{0,20}(?:\$|€|£)",
        r"\bcredit (?:line|facility)\b",
        rf"\b(?:contribut|inject|allocat|advanc|secur|obtain|arrang|earmark|"
        rf"put(?:s|ting)? up)\w*\b[^.;,]{{0,30}}{_MONEY}",
        r"\b(?:private placement|share placement|placement of|rights issue|equity raise|"
        r"capital raise|bond issue|convertible notes?|gross proceeds|prepayment|"
        r"streaming (?:deal|agreement)|royalty (?:deal|financing))\b",
        r"\blines? of credit\b",
        r"\b(?:provid(?:e|es|ed|ing)|award(?:s|ed)?|pledg(?:e|es|ed))\b[^.;,]{0,30}"
        rf"{_MONEY}",
    ),
    "discovery": (
        r"\bdiscover(?:y|ies|s|ed)?\b",
        r"\b(?:a|new|major|large) find\b",
        r"(?<!'s )(?<!\bthe )(?<!\bits )\b(?:found|identified|revealed|discovered|uncovered|"
        r"intersected|delineated)\b[^.;]{0,80}"
        r"\b(?:deposits?|reserves|resources|mineralisation|mineralization|pegmatites?|veins?|"
        r"ore ?bod(?:y|ies)|lodes?|seams?|occurrences?|outcrops?|dykes?|dikes?|anomal(?:y|ies)|"
        r"zones?)\b",
        r"\b(?:geologists|drilling|exploration|field team|survey team|drill holes?)\b[^.;]{0,80}"
        r"\b(?:found|identified|revealed|intersected)\b",
        r"(?<!\bthe )\bnew (?:deposit|zone|discovery)\b",
        r"\b(?:established|defined|delineated|outlined|estimated|declared|reported|announced)\b"
        r"[^.;,]{0,30}\b(?:inferred|indicated|measured) (?:mineral )?resources?\b",
        r"\b(?:reported|announced|published|declared|unveiled)\b[^.;,]{0,30}\bmaiden "
        r"(?:mineral |ore )?(?:resource|reserve)\b",
    ),
    "capacity_expansion": (
        rf"\bexpand{_V}\b",
        r"\bexpansion\b",
        r"\b(?:doubl|tripl|increas|rais)(?:e|es|ed|ing)\b[^.;]{0,30}\bcapacity\b",
        r"\b(?:boost|lift)(?:s|ed|ing)?\b[^.;]{0,30}\bcapacity\b",
        r"\bupgrad(?:e|es|ed|ing)\b",
        # "adding 5,000 tonnes a year of capacity": a line added to an existing site
        r"\badd(?:s|ed|ing)?\b[^.;]{0,40}\bcapacity\b",
    ),
    "new_capacity": (
        # the verb and its object, in one clause (no comma, no subordinator: checked in
        # _new_capacity_ok, which also rejects generic, progressive and purpose readings)
        rf"\b(?P<v>build{_V}|built|construct{_V}|construction of|establish{_V}|"
        rf"set(?:s|ting)? up|develop{_V})\b(?P<g>[^.;,:()]{{0,80}}?)"
        rf"\b(?P<o>{_FACILITY}|lines?|units?|hubs?|complex|mills?|parks?)\b",
        rf"\b(?P<v>launch{_V}|open(?:s|ed|ing)?(?![\s-]+(?:pit|cast|market|question|letter))|"
        rf"inaugurat(?:e|es|ed|ing)|commission{_V}|start{_V}(?:\s+up)?|beg[ia]n|complet(?:e|es|ed))\b"
        rf"(?P<g>[^.;,:()]{{0,80}}?)\b(?P<o>{_FACILITY}|(?:production )?lines?"
        r"(?!\s+of\s+credit)|units?|circuits?|modules?|complex)\b",
        # passive: "a new refinery was inaugurated on Friday"
        rf"\b(?P<o>{_FACILITY})\b[^.;,]{{0,40}}\b(?:was|were|has been|have been|had been)\s+"
        r"(?:officially\s+|formally\s+)?(?P<v>opened|inaugurated|commissioned|launched|"
        r"put into (?:operation|service))\b"
        r"(?!\s+in\s+(?:19|20)\d\d)",
        r"\b(?P<v>start\w*|began|begun|begin\w*|reach\w*|achiev\w*|declar\w*|commenc\w*|"
        r"enter\w*)\s+(?:\w+\s+)?(?:commercial|first|trial|pilot|test) production\b",
        r"\b(?P<v>broke|breaks|broken) ground\b",
        r"\b(?P<v>poured|produced|shipped|delivered)\s+(?:its\s+|the\s+|[\w#-]+'s\s+|the\s+[\w#-]+'s\s+)?"
        r"first\s+(?:[\w-]+\s+){0,3}"
        r"(?:concentrates?|metal|ore|oxides?|cathodes?|magnets?|batch|gold|doré|dore|carbonate|"
        r"hydroxide|sulphate|sulfate|spodumene|ingots?|product|shipment|cargo|tonnes)\b",
        rf"\b(?P<o>{_FACILITY})\b[^.;,]{{0,120}}\b(?P<v>began|has begun|started|has started|"
        r"commenced|entered) (?:commercial )?(?:production|operations?|operating)\b",
        r"\b(?P<v>began|begun|started|commenced)\s+(?:the\s+)?construction\b",
        # "has started producing lithium sulphate at its plant"
        r"\b(?P<v>started|starts|began|begun|commenced)\s+(?:producing|making|processing)\b",
        r"\bconstruction\b[^.;,]{0,40}\b(?P<v>began|has begun|have begun|started|has started|"
        r"commenced|got under way)\b",
        r"\b(?P<v>took|taken|made|reached|announced)\b[^.;,]{0,30}\bfinal investment decision\b",
        rf"\b(?P<o>{_FACILITY})\b[^.;,]{{0,40}}\b(?P<v>came|has come|have come)\s+"
        r"(?:online|on stream|on-stream|into operation)\b",
        r"\b(?P<v>announced|unveiled|approved)\b[^.;,]{0,40}\ba new (?:plant|refinery|factory|"
        r"smelter|facility|mine)\b",
    ),
    "partnership": (
        r"\bmemorand(?:um|a) of (?:understanding|cooperation|co-operation|intent)\b",
        r"\bcooperation memorand(?:um|a)\b",
        r"\bframework agreement\b",
        r"\bmou\b",
        r"\bjoint ventures?\b",
        r"\bpartnerships?\b",
        r"\bcooperation (?:agreement|deal|accord)s?\b",
        r"\bstrategic alliance\b",
        r"\b(?:signed|sign|signs)\b[^.;]{0,50}\b(?:agreement|accord|deal)\b",
        r"\bform(?:ed|s)? a\b[^.;]{0,30}\bventure\b",
        r"\bagree(?:s|d)? to (?:cooperate|co-operate|collaborate|work together|partner)\b",
        r"\b(?:chose|chosen|selected|picked|named|appointed)\b[^.;]{0,60}\bas (?:its|their|a|the) "
        r"(?:strategic |preferred |joint[- ]venture )?partner\b",
        # passive: "an Agreement on joint geological study ... was signed between"
        r"\b(?:agreement|memorandum|accord|mou|protocol)\b[^.;]{0,160}\b(?:was|were|has been|"
        r"have been) signed\b",
        # "signed a memorandum to set up a joint research centre"
        r"\b(?:signed|sign|signs)\b[^.;]{0,30}\bmemorand(?:um|a)\b",
    ),
    "disruption": (
        rf"\bhalt{_V}\b",
        rf"\bsuspend{_V}\b",
        r"\bsuspension\b",
        r"\bshut(?:s|ting)?(?: down)?\b",
        r"\bshutdown\b",
        r"\bfires?\b",
        r"\bexplosion\b",
        rf"\bflood{_V}\b(?!\s+(?:the|a|its)\s+(?:\w+\s+)?markets?\b)",
        r"(?<!\balong )(?<!km of )(?<!m of )(?<!metres of )(?<!meters of )\bstrikes?\b"
        r"(?!\s+(?:length|extent|direction|continuity|of\s+\d))",
        r"\bforce majeure\b",
        r"\bblockade\b",
        r"\bblock(?:ed|ing|s)?\b[^.;,]{0,30}\b(?:roads?|access|mines?|ports?|rail\w*|highways?|"
        r"entrances?|shipments)\b",
        r"\bpower (?:cuts?|outages?|shortages?)\b",
        r"\b(?:killed|fatal accident|fatalit(?:y|ies)|rockfall|fall of ground|landslides?|"
        r"mudslides?|earthquake|cyclone|derail(?:ment|ed)|evacuated|(?:pit|mine|wall|tailings|dam|shaft|roof|"
        r"tunnel) (?:collapse|failure))\b",
        r"\bordered\b[^.;]{0,40}\b(?:closed|shut|halted|suspended|closure|halt|suspension)\b",
        r"\bordered\b[^.;]{0,60}\bto (?:stop|cease|halt|suspend|close|shut)\b",
        r"\b(?:on|into) care and maintenance\b",
        r"\bmothball\w*\b",
        r"\b(?:exports?|output|production|shipments)\b[^.;]{0,40}\b(?:fell|dropped|slumped|plunged)\s+"
        r"to\s+(?:zero|nil|nothing)\b",
        r"\bblackouts?\b",
        r"\bstopped\b(?!\s+short\b)",
        r"\bseized\b",
        r"\boutage\b",
        rf"\bdisrupt{_V}\b",
        r"\bdisruptions?\b",
        rf"\bcurtail{_V}\b",
        # industrial action: "walked off the job", "went on strike", "downed tools"
        r"\b(?:walk(?:ed|s|ing)? off the job|walk-?outs?|downed tools|industrial action)\b",
        # rationed power: "power rationing", "load-shedding"
        r"\b(?:power|electricity|energy) rationing\b",
        r"\bload[- ]shedding\b",
        # an outside cause forcing a cut: "drought had forced it to cut copper output"
        r"\bforc(?:ed|es|ing)\b[^.;]{0,30}\bto (?:cut|reduce|halt|suspend|curtail|close|shut|"
        r"stop|idle|scale back)\b[^.;]{0,40}\b(?:output|production|operations?|mining|"
        r"processing|plants?|mines?|smelters?|refiner(?:y|ies))\b",
    ),
    "production_update": (
        r"\b(?:produced|shipped|mined|sold)\b[^.;]{0,40}\b(?:tonnes|tons|t|kilograms|pounds|ounces|lbs)\b",
        r"\b(?:output|production|(?:ore|concentrate) shipments)\b[^.;,]{0,80}?\b(?:rose|fell|rises|"
        r"falls|increased|decreased|"
        r"climbed|dropped|slipped|jumped|declined|grew|slumped|surged|reached|totalled|totaled)\b",
        # a period's figure: "reported December-quarter production of 214,000 t, up 15%"
        # (_production_ok asks for the change or comparison that makes it news)
        r"\b(?:output|production|shipments)\s+(?:of|was|were|at)\s+(?:about\s+|some\s+|around\s+|"
        r"a record\s+)?[\d,.]+\s*(?:million\s+|thousand\s+)?(?:dry\s+|wet\s+|metric\s+)?"
        r"(?:tonnes|tons|t|kt|mt|ounces|oz|pounds|lbs)\b",
        # a producer's decision on its output: "would reduce its uranium output in 2026 by 10%"
        r"\b(?:reduc|cut|lower|rais|increas|boost|trim)\w*\s+(?:its\s+|their\s+)?(?:[\w#-]+\s+){0,2}"
        r"(?:output|production)\b(?![^.;]{0,20}\bguidance\b)",
        # "cut its 2025 guidance for the mine to 230,000-240,000 t of copper"
        r"\b(?:cut|cuts|lower\w*|rais\w*|reduc\w*|revis\w*)\b[^.;]{0,20}\bguidance\b[^.;]{0,40}"
        r"\b[\d,\u00b7]+\s*(?:tonnes|tons|t|kt|ounces|oz|pounds|lbs)\b",
        # guidance is a statement about output: "withdrew its production guidance"
        r"\b(?:withdr[ae]w\w*|cut|cuts|lower\w*|rais\w*|reduc\w*|revis\w*|suspend\w*|scrap\w*|"
        r"reaffirm\w*|pull\w*)\b[^.;]{0,20}\b(?:production|output) guidance\b",
    ),
    "price_move": (
        r"\bprices?\b[^.;]{0,60}\b(?:rose|fell|fallen|risen|jumped|climbed|slumped|dropped|surged|"
        r"soared|plunged|slid|doubled|tripled|halved|rallied|tumbled|gained|rise|fall|jump|rises|"
        r"falls|jumps|climbs|slides|declined|increased|decreased|spiked|sank|hit)\b",
        r"\b(?:rose|fell|jumped|climbed|slumped|dropped|surged|soared|plunged)\b[^.;]{0,25}\bprices?\b",
        r"\b(?:futures|spot|benchmark|three-month|assessed|quoted|cash)\b[^.;]{0,60}\b(?:rose|fell|"
        r"jumped|climbed|slumped|dropped|surged|soared|plunged|slid|slipped|rallied|tumbled|gained|lost|"
        r"sank|eased|edged|advanced|retreated|firmed|weakened|spiked)\b(?:[^.;]|\.(?=\d)){0,30}"
        r"(?:\d\s?(?:%|per ?cent)|(?:\$|€|£|¥|yuan|rand)\s?[\d,.\u00b7]+)",
        r"\b(?:clos|end|finish|settl)(?:ed|ing)\s+(?:\w+\s+)?[\d.\u00b7]+\s?(?:%|per ?cent)\s+"
        r"(?:higher|lower|up|down)\b",
        # "Our average realised nickel price was US$7.05 per pound, 11% lower than a year earlier"
        r"\bprices?\b[^.;]{0,60}\b\d+(?:[.\u00b7]\d+)?\s?(?:%|per ?cent)\s+"
        r"(?:lower|higher|up|down)\b",
        # a move to a per-unit price: "cobalt climbed to $30,000 a tonne"
        r"\b(?:rose|fell|jumped|climbed|slumped|dropped|surged|soared|plunged|slid|slipped|rallied|"
        r"tumbled|gained|hit|reached|touched|sank|eased|edged)\b(?:[^.;]|\.\d){0,40}(?:\$|€|£|¥)\s?"
        r"[\d,.]+"
        r"\s*(?:a|an|per|/)\s*(?:tonne|ton|t|kilogram|kg|pound|lb|ounce|oz|mtu|dmtu)\b",
    ),
    "policy": (
        r"\b(?:approved|adopted|announced|introduced|passed|signed|unveiled|imposed|raised|cut|set|"
        r"published|issued|enacted)\b[^.;]{0,60}\b(?:law|laws|decree|strategy|regulations?|code|"
        r"royalt(?:y|ies)|tax|taxes|tariffs?|quotas?|stockpile|list|act|bill|policy|framework|"
        r"rules?|ordinance|directive|resolution|regime|levy|duty|duties|incentives?|subsid(?:y|ies))\b",
        r"\b(?:law|decree)\b[^.;]{0,40}\b(?:takes? effect|came into force|enters? into force)\b",
        r"\b(?:imposed|introduced|announced|declared|extended|lifted)\b[^.;,]{0,40}\bmoratorium\b",
        r"\bnationali[sz](?:ed|es|e|ation)\b",
        r"\b(?:approved|announced|launched|created|set up|established)\b[^.;,]{0,40}"
        r"\bstrategic (?:reserve|stockpile)\b",
        # an authority's order to companies: "the bureau ordered eight miners to resubmit"
        r"\b(?:ministry|bureau|regulator|authority|authorities|agency|department|commission|"
        r"government|court)\b[^.;]{0,20}\bordered\b[^.;]{0,60}\bto\s+\w+",
        # fiscal and volume instruments in any tense: "raises royalty rates", "set this
        # year's production quota", "would raise its stockpiles"
        # "the royalty on lithium would rise to 7% from 5%"
        r"\b(?:royalt(?:y|ies)|tax|taxes|tariffs?|levy|duty)\b[^.;]{0,40}\b(?:will|would|is to|"
        r"are to)\s+(?:rise|increase|fall|drop|double|be (?:raised|cut|increased|lowered|reduced|"
        r"doubled))\b",
        r"\b(?:rais|increas|cut|lower|reduc|revis|set|introduc|impos|doubl|halv)\w*\b[^.;]{0,40}"
        r"\b(?:royalt(?:y|ies)|(?:production|mining|output) quotas?|windfall tax|levy|levies)\b",
        r"\b(?:rais|increas|build|expand|boost|replenish|doubl)\w*\b[^.;]{0,30}"
        r"\b(?:strategic |national |state )?(?:stockpiles?|reserves? of)\b",
        # "revoked the bauxite mining licence of Acme": a state decision on a concession
        r"\b(?:revok|cancel|annul|withdr[ae]w|rescind|suspend)\w*\b[^.;]{0,40}\b(?:licen[cs]es?|permits?|"
        r"concessions?|mining rights?|mining conventions?)\b",
        # "gallium and germanium have been added to the Critical Minerals List"
        r"\b(?:added|included)\b[^.;]{0,20}\bto (?:the|its|a|[\w#-]+'s)\s+(?:[\w-]+\s+){0,3}list\b",
        # "setting the 2026 quota at 250 million tonnes"
        r"\b(?:setting|sets)\b[^.;]{0,30}\bquotas?\b",
        # auctions of exploration or mining blocks
        r"\b(?:launch|open|hold|held|start|announc|conduct)\w*\b[^.;]{0,60}\b(?:auctions?|bidding "
        r"rounds?|licensing rounds?)\b",
        # removing or waiving duties
        r"\b(?:remov|abolish|scrap|eliminat|waiv|exempt|suspend)\w*\b[^.;]{0,30}\b(?:customs )?"
        r"(?:duty|duties|tariffs?|taxes|levy|levies)\b",
        # an authority requiring companies to act: "will require miners to submit work plans"
        r"\b(?:ministry|government|regulator|authorit\w+|agency|department|bureau)\b[^.;]{0,40}\b"
        r"requir\w*\s+(?:all\s+)?(?:miners|companies|producers|exporters|operators|smelters|firms|"
        r"licen[cs]e holders)\s+to\s+\w+",
        # passive instruments: "the royalty tariff for nickel ore has been raised"
        r"\b(?:royalt(?:y|ies)|tax|taxes|tariffs?|levy|levies|duty|duties|"
        r"(?:production|mining) quotas?)\b[^.;]{0,60}\b(?:has been|have been|was|were|is|are) "
        r"(?:raised|increased|cut|lowered|reduced|set|revised|introduced|imposed|doubled|halved|abolished|adjusted)\b",
        # a state purchase for a stockpile: "issued a tender to buy cobalt for the national
        # defense stockpile"
        r"\b(?:tender|buy|purchase|procure|acquire)\w*\b[^.;]{0,80}\b(?:for|into|to)\s+(?:the|its|a)\s+"
        r"(?:[\w-]+\s+){0,3}(?:stockpiles?|strategic reserves?)\b",
        r"\b(?:introduc|impos|launch|creat|adopt|announc)\w*\b[^.;]{0,40}\blicen[cs]ing "
        r"(?:regime|system|scheme|requirement)s?\b",
    ),
}
_COMPILED: dict[str, tuple[re.Pattern[str], ...]] = {
    t: tuple(re.compile(p, re.IGNORECASE) for p in TRIGGERS[t]) for t in EVENT_TYPES
}
#: Word stems at least one of which every trigger of a type contains: a cheap filter run
#: before the full patterns (which are slower, with their bounded gaps).
_STEMS: dict[str, str] = {
    "export_ban": "ban|prohibit|suspend|halt|stop|freez|froze|export|bar|forb|embargo|ceas|longer|"
    "allow|permit",
    "export_control": "export|licen|permit|restrict|curb|limit|tighten|end-use|control|quota|"
    "obtain|apply|subject|cap|limited|"
    "need|requir",
    "sanction": "sanction|entity|blacklist|designat|asset|sdn|military|unverified|ofac|froze|"
    "freez|bar|prohibit|travel|specially|add|restrictive|ban",
    "acquisition": "acquir|acquisition|takeover|take|took|merger|buy|bought|purchas|completed|"
    "closed|announced|agreed|finali|nationali|taken|taking|buying|will|plans|offer|agreement",
    "offtake": "offtake|supply|supplie|sales|buy|purchas|agree|contract|long-term|sell|"
    "sold|deliver|take|bought|buys",
    "financing": "loan|lend|lent|letter|financ|fund|grant|rais|committed|credit|provid|award|pledg|"
    "line|contribut|inject|allocat|advanc|secur|obtain|arrang|receiv|earmark|put|placement|"
    "rights|equity|capital|bond|convertible|proceeds|prepayment|streaming|royalty",
    "discovery": "discover|find|found|identified|revealed|geologist|drilling|exploration|new|"
    "uncovered|intersected|delineated|field|survey|drill|established|defined|outlined|estimated|"
    "inferred|indicated|measured|"
    "reported|announced|published|declared|unveiled",
    "capacity_expansion": "expan|doubl|tripl|increas|rais|boost|lift|upgrad|add",
    "new_capacity": "build|built|construct|launch|open|inaugurat|commission|start|beg[ai]n|"
    "commercial|first|new|broke|breaks|broken|final|came|come|announced|unveiled|approved|"
    "complet|establish|set|develop|put|poured|produced|shipped|delivered|begun|begin|reach|achiev|"
    "declar|commenc|enter|took|taken|made|plant|refiner|factor|facilit|smelter|mine|enterprise|"
    "concentrator|line|unit|hub|complex|mill|park|circuit|module",
    "partnership": "memorand|mou|joint|partnership|cooperation|strategic|sign|form|agree|framework|"
    "chose|chosen|selected|picked|named|appointed",
    "disruption": "halt|suspen|shut|fire|explosion|flood|strike|force|blockade|stopped|seized|"
    "outage|disrupt|curtail|block|power|blackout|walk|downed|industrial|rationing|load|forc|"
    "killed|fatal|rockfall|fall|landslide|mudslide|earthquake|cyclone|derail|evacuat|pit|wall|"
    "tailings|dam|roof|tunnel|ordered|care|mothball|zero|nil|nothing|cyclone|derail|mine|shaft",
    "production_update": "produced|output|production|shipped|mined|sold|guidance|shipments|"
    "reduc|cut|lower|rais|increas|boost|trim",
    "price_move": "price|rose|fell|jumped|climbed|slumped|dropped|surged|soared|plunged|slid|"
    "rallied|tumbled|gained|hit|reached|touched|sank|eased|edged|futures|spot|benchmark|three|"
    "assessed|quoted|cash|clos|end|finish|settl|slipped",
    "policy": "approved|adopted|announced|introduced|passed|signed|unveiled|imposed|raised|cut|"
    "added|included|"
    "tender|buy|purchas|procur|acquir|royalt|tax|tariff|levy|levies|duty|duties|revok|cancel|"
    "annul|withdr|adjust|quota|"
    "setting|sets|launch|open|hold|held|start|conduct|remov|abolish|scrap|eliminat|waiv|exempt|"
    "ministry|government|regulator|authorit|agency|department|bureau|"
    "rescind|suspend|"
    "set|published|issued|enacted|law|decree|declared|extended|lifted|nationali|launched|created|"
    "established|ordered|rais|increas|lower|reduc|revis|introduc|impos|doubl|halv|build|expand|"
    "boost|replenish|creat|adopt|announc",
}
_PREFILTER: dict[str, re.Pattern[str]] = {
    t: re.compile(rf"\b(?:{_STEMS[t]})", re.IGNORECASE) for t in EVENT_TYPES
}
_WORD = re.compile(r"[\w-]+")
#: Words and masked names ("####"), for counting a fragment's length.
_TOKEN = re.compile(r"[\w#-]+")


@cache
def _word_types(word: str) -> frozenset[str]:
    """The event types whose stems a (lower-case) word contains; cached per word."""
    return frozenset(t for t in EVENT_TYPES if _PREFILTER[t].search(word))


@cache
def _stem_index() -> WordStarts | None:
    """The stems of :data:`_PREFILTER` in one automaton (None if a stem is not plain words)."""
    return WordStarts.build({t: _PREFILTER[t] for t in EVENT_TYPES})


def _candidate_types(sentence: str) -> frozenset[str]:
    """Every event type with a stem in the sentence, from one scan of its words."""
    index = _stem_index()
    if index is not None:
        return index.names(sentence)
    found: frozenset[str] = frozenset()
    for word in set(_WORD.findall(sentence.lower())):
        found |= _word_types(word)
    return found


#: Words that make a sentence speculation rather than news.
SPECULATIVE = re.compile(
    r"\b(?:could|might|considering|consider|considers|mulling|weighing|studying|if|unless|"
    r"whether|forecasts?(?!\s+(?:resources|reserves))|forecasted|predicts?|predicted|expects?|"
    r"expected to|analysts?|possibilit(?:y|ies)|discuss\w*|negotiating|in talks|"
    r"possibly|potentially|rumou?rs?|rumou?red|reportedly|wants?|hopes?|aims?|seeks?|seeking|"
    r"sought|would like|would (?:need|have) to|should|reviewing|exploring|evaluating|assessing|"
    r"(?:is|are|was|were) (?:scheduled|due|slated|on track|poised) to|"
    r"(?:others|some|many|observers|experts|participants|delegates|speakers|commentators)\s+"
    r"(?:said|say|argued|noted|pointed))\b",
    re.IGNORECASE,
)
#: "possible"/"potential" void a trigger they modify ("a potential export ban"), not one they
#: do not ("no longer allow exports of ... materials with possible military uses").
_HEDGE_BEFORE = re.compile(
    r"\b(?:possible|potential|proposed|mooted|planned)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)
#: A measure only proposed ("a Senate proposal to ban exports", "a bill that would ban") is
#: not decided, unless the sentence reports its adoption.
_PROPOSED = re.compile(
    r"\b(?:proposals?|bills?|draft|motions?|push|bid|threat|calls?)\s+(?:that\s+would\s+|"
    r"to\s+)(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_ADOPTED = re.compile(
    r"\b(?:approved|adopted|passed|enacted|ratified|signed into law|endorsed)\b", re.IGNORECASE
)
#: A hypothetical "would" ("Any outage would bite") outside reported speech or a decision
#: ("said it would build").
_WOULD = re.compile(r"\bwould\b", re.IGNORECASE)
_REPORTED = re.compile(
    r"\b(?:said|says|say|announced|told|added|agreed|decided|confirmed|stated|pledged|promised|"
    r"ruled|warned|noted|reported|declared|indicated|informed|notified|insisted|wrote|"
    r"according|vowed|committed|planned|expected|approved|adopted|passed|enacted|ratified|"
    r"signed|voted|ordered|issued|published|decreed)\b",
    re.IGNORECASE,
)
#: Conditions void the whole sentence ("If confirmed, the find would...").
_CONDITIONAL = re.compile(r"\b(?:if|unless|whether)\b", re.IGNORECASE)
#: Where a clause ends: a semicolon, a dash, or a comma before a relative, concessive or
#: comment clause ("..., a move analysts said could...", "..., although it did not say...").
_CLAUSE_SPLIT = re.compile(
    r";|\s[\u2014\u2013-]{1,2}\s|\s+(?=(?:because|so that)\b)|"
    r"\s+(?=as (?:traders|analysts|investors|buyers|sellers|markets?|the market)\b)|"
    r",\s+(?=(?:which|who|while|whereas|although|though|but|a move|"
    r"a step|a decision|in a move|saying|adding|analysts?|traders?|economists?|according|as|"
    r"citing|amid|in a bid|setting|raising|cutting|lifting|bringing|taking)\b)",
    re.IGNORECASE,
)
_MAY = re.compile(r"\bmay\b")  # lower case only: "May" is a month
#: Habitual and generic statements ("typically", "building a plant takes three years") describe
#: how things are, not something that happened.
GENERIC = re.compile(
    r"\b(?:typically|usually|generally|normally|traditionally|routinely|tends? to|can take|"
    r"takes? (?:about |around |up to |at least |roughly )?(?:\w+ )?(?:to \w+ )?"
    r"(?:years|months|decades)|"
    # a multi-year frame: "for decades", "over the past five years", "in recent years"
    r"for (?:many )?(?:years|decades)|in recent years|"
    # an ongoing trend: "has been stepping up lending to mining projects"
    r"ha(?:s|ve) been (?:stepping up|ramping up|increasing|expanding|boosting|cutting|reducing|"
    r"scaling back)|"
    r"(?:over|during) the (?:past|last|previous) (?:\w+ )?(?:years|decades?)|"
    # history: "in the 1970s", "since the early 2000s"
    r"(?:in|during|since|by) the (?:early |late |mid-)?(?:19|20)\d0s)\b|"
    # a definition: "Export bans are a common tool", "controls have been a feature"
    r"^\W*(?:[\w#-]+\s+){0,2}\w+s\s+(?:are|were|have been|remain)\s+(?:a|an|one of|common|"
    r"often|among|widely)\b",
    re.IGNORECASE,
)
#: A temporal or conditional clause about a later state ("after the refinery is
#: commissioned", "once the plant is built"): a condition, not an event; blanked out before
#: the triggers are searched.
_PENDING_CLAUSE = re.compile(
    r"\b(?:after|once|when|until|before|as soon as)\s+[^,.;]{0,60}?\b(?:is|are)\s+(?:\w+ly\s+)?"
    r"(?:built|commissioned|completed|opened|finished|constructed|launched|operational|"
    r"running|in operation|up and running)\b",
    re.IGNORECASE,
)
#: Words that end a clause inside the gap between a verb and its object.
_CLAUSE_BREAK = re.compile(
    r"\b(?:after|before|when|once|until|while|since|as|because|which|that|who|where|whose|if|"
    r"is|are|was|were|be|been|has|have|had|will|would|said|says)\b",
    re.IGNORECASE,
)
#: A specific object: a determiner, numeral, possessive, masked name or "new"/"first" opens it
#: ("opened its first plant", "launch three enterprises"); a bare plural ("have built
#: processing parks") is generic.
_SPECIFIC = re.compile(
    r"^\s*(?:a|an|the|its|their|his|her|our|this|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|several|at least|up to|more than|first|second|third|new|\d|#|[A-Z]?\$|€|£)",
    re.IGNORECASE,
)
#: What may stand between a verb and its facility: "the launch of", "started production at".
_NOMINAL_OBJECT = re.compile(
    r"^\s*(?:of|(?:commercial |first |trial |pilot )?(?:production|operations?|construction|work) "
    r"(?:at|on|of)|(?:the\s+)?(?:first|initial|second|third|next)\s+(?:phase|stage)\s+of)\b",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(
    r"\b(?:for|to|with|from|of|on|into|about|in|by|near|under|over|at(?!\s+(?:least|most)\b))\b",
    re.IGNORECASE,
)
#: Ongoing aspect of a durative verb ("is building a refinery"): a state, not news.
_PROGRESSIVE = re.compile(
    r"\b(?:is|are|was|were|been)\s+(?:now\s+|still\s+|also\s+|currently\s+|already\s+)?$",
    re.IGNORECASE,
)
#: A gerund after a preposition or opening the sentence is a noun ("Building a plant takes").
_GERUND_HOST = re.compile(
    r"(?:^\W*|\b(?:of|for|by|in|on|after|before|from|about|without|with|than|study|studying|"
    r"studied|explore|exploring|assess|assessing|evaluate|evaluating|consider|considering|"
    r"weigh|weighing|examine|examining)\s+(?:jointly\s+)?)$",
    re.IGNORECASE,
)
#: Relative clause about an earlier facility ("which opened a plant in 2019").
_RELATIVE = re.compile(r"\b(?:which|who|whose|where|when)\s+(?:[\w#'-]+\s+){0,3}$", re.IGNORECASE)
#: What can govern an infinitive that reports a decision ("ordered the government to launch",
#: "an agreement ... to build"); without it, "to build" is a purpose or a wish.
_DECISION = re.compile(
    r"\b(?:order(?:s|ed)?|agree(?:s|d)?|agreements?|deals?|decided|decides|decision|approv\w*|"
    r"plans?|planned|announc\w*|pledg\w*|commit\w*|signed|intends?|chose|chosen|selected|voted|"
    r"awarded|won|invest\w*|permission|permits?|licen[cs]es?|go-ahead|mandated?|contracts?|"
    r"set|began|begun|started|starts|moved|tender|use|uses|used|using|ventures?|formed|form|"
    r"consortium)\b",
    re.IGNORECASE,
)
_BE_TO = re.compile(r"\b(?:is|are|was|were)\s+$", re.IGNORECASE)
#: A durative or cumulative frame ("over the past five years", "for decades"): background.
_DURATIVE = re.compile(
    r"\b(?:(?:over|in|during|for) the (?:past|last|previous) (?:\w+ )?(?:years?|decades?)|"
    r"in recent years|for (?:many )?(?:years|decades)|since the (?:19|20)\d0s)\b",
    re.IGNORECASE,
)
#: A negation that states a prohibition ("will no longer be allowed") reports a ban, not a denial.
_PROHIBITIVE = re.compile(
    r"\b(?:not|no longer)\s+(?:be\s+)?(?:permitted|allowed)\b|"
    r"\b(?:not|no longer)\s+(?:allow|permit)\w*(?=[^.;]{0,20}\bexports?\b)|"
    r"\bno\s+(?:export\s+)?(?:permits?|licen[cs]es?|recommendations?|approvals?)\s+(?:shall|will|"
    r"would|is to|are to)\s+be\s+(?:issued|granted)\b|"
    # a refusal to license is a prohibition: "will no longer grant permits to export"
    r"\b(?:not|no longer)\s+(?:grant|issue|approve)\w*\b(?=[^.;]{0,20}\b(?:permits?|licen[cs]es?|"
    r"approvals?)\s+(?:to|for)\s+export)",
    re.IGNORECASE,
)
#: "No. 19" (a regulation's number) is not a negation.
NEGATION = re.compile(
    r"\b(?:not|no(?![.\u00b7]?\s*\d)|never|neither|nor|denied|denies|deny|none)\b|n't\b|"
    r"\bstop(?:ped|s)? short of\b|\brefrain(?:ed|s)? from\b|"
    # a negative quantifier: "few have shut mines" (but "a few have")
    r"(?<!\ba )\bfew\b",
    re.IGNORECASE,
)
#: Event nouns that, after "the"/"its"..., refer back to an event already reported.
_EVENT_NOUNS = re.compile(
    r"(?:discover|find|deal|control|measure|ban|suspension|takeover|acquisition|partnership|"
    r"agreement|expansion|loan|sanction|designation|venture|restriction|curb|financing|funding|"
    r"offtake|strategy|law|decree|halt|shutdown|disruption|fire|strike)",
    re.IGNORECASE,
)
#: A sentence whose subject is an event already reported ("The designations freeze...",
#: "The deal covers...") elaborates that event; it is not a new one.
_ANAPHORIC_SUBJECT = re.compile(
    r"^\W*(?:[^.;]{0,80}?\b(?:said|says|added|noted)\s+(?:that\s+)?)?"
    r"(?:the|these|those|its|their|this|that)\s+(?:[\w#-]+\s+)?"
    r"(discovery|find|deal|controls?|measures?|bans?|suspension|takeover|acquisition|"
    r"agreement|expansion|loans?|sanctions?|designations?|restrictions?|curbs?|financing|"
    r"funding|offtake|law|decree|halt|shutdown|disruption|freezes?|decision|move|step|"
    r"announcement|notice|rules|venture|partnership)\b(?!\s+(?:of|on|to|lists?)\b)",
    re.IGNORECASE,
)
#: The event types an anaphoric subject noun can stand for; a noun not listed ("deal",
#: "measures", "agreement") can stand for any type.
_SUBJECT_TYPES: dict[str, frozenset[str]] = {
    "discovery": frozenset({"discovery"}),
    "find": frozenset({"discovery"}),
    "expansion": frozenset({"capacity_expansion", "new_capacity"}),
    "loan": frozenset({"financing"}),
    "financing": frozenset({"financing"}),
    "funding": frozenset({"financing"}),
    "takeover": frozenset({"acquisition"}),
    "acquisition": frozenset({"acquisition"}),
    "offtake": frozenset({"offtake"}),
    "sanction": frozenset({"sanction"}),
    "designation": frozenset({"sanction"}),
    "freeze": frozenset({"sanction"}),
    "venture": frozenset({"partnership"}),
    "partnership": frozenset({"partnership"}),
    "halt": frozenset({"disruption", "export_ban"}),
    "shutdown": frozenset({"disruption"}),
    "disruption": frozenset({"disruption"}),
}


#: A sentence opened by "Under the memorandum," / "As part of the deal," spells out the terms
#: of an instrument already reported: it refers back, whatever its triggers.
_UNDER_REFERENCE = re.compile(
    r"^\W*(?:under|through|as part of|in line with|per)\s+(?:the|this|that|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}(?P<noun>memorand(?:um|a)|agreements?|deals?|accords?|mou|pact|partnership|"
    r"arrangements?|framework|law|decree|rules|regulations?|scheme|system|measures?)\b",
    re.IGNORECASE,
)
_MEASURE_LIKE = frozenset({"export_ban", "export_control", "sanction", "policy"})
_PACT_LIKE = frozenset({"partnership", "offtake"})
#: The event types an instrument named by "Under the ..." stands for.
_UNDER_TYPES: dict[str, frozenset[str]] = {
    "memorandum": _PACT_LIKE,
    "memoranda": _PACT_LIKE,
    "agreement": _PACT_LIKE,
    "deal": _PACT_LIKE | {"acquisition"},
    "accord": _PACT_LIKE,
    "mou": _PACT_LIKE,
    "pact": _PACT_LIKE,
    "partnership": _PACT_LIKE,
    "arrangement": _PACT_LIKE,
    "framework": _PACT_LIKE | _MEASURE_LIKE,
    "law": _MEASURE_LIKE,
    "decree": _MEASURE_LIKE,
    "rule": _MEASURE_LIKE,
    "regulation": _MEASURE_LIKE,
    "scheme": _MEASURE_LIKE,
    "system": _MEASURE_LIKE,
    "measure": _MEASURE_LIKE,
}
#: "The two will form a joint venture": the parties of a partnership already reported.
_THE_PARTIES = re.compile(
    r"^\W*(?:the two|both)(?:\s+(?:companies|firms|sides|parties|groups|governments|countries|"
    r"partners|ministries|agencies))?\s+(?:will|would|plan|plans|intend|intends|are to|are due to)"
    r"\b",
    re.IGNORECASE,
)
#: Advice in the imperative ("First, fund a reserve agency"): an opinion, not a report.
_IMPERATIVE = re.compile(
    r"^\W*(?:(?:first|second|third|fourth|next|finally|instead|then|also|above all)\s*,?\s+)?"
    r"(?:fund|ban|build|impose|create|set up|lend|invest|stockpile|restrict|subsidi[sz]e|buy|give|"
    r"require|introduce|expand|develop|launch|stop|cut|raise|lower|sign|tax|cap|curb|finance)\s",
    re.IGNORECASE,
)
#: A trigger noun modifying a role ("a sanctions lawyer", "export control experts") names a
#: trade, not an event.
_ROLE_AFTER = re.compile(
    r"\s+(?:lawyers?|attorneys?|experts?|analysts?|specialists?|advis[eo]rs?|consultants?|"
    r"researchers?|scholars?|watchdogs?|practices?|teams?|desks?|officers?|compliance|"
    r"professionals?|firms?|counsel)\b",
    re.IGNORECASE,
)


#: "the affected items", "the listed metals": the scope of a measure already reported, so the
#: sentence spells out that measure ("Exporters must apply for licences for the affected
#: items") rather than reporting a new one.
_MEASURE_SCOPE = re.compile(
    r"\bthe (?:affected|listed|covered|controlled|restricted|named|designated|targeted) "
    r"(?:items|goods|products|materials|metals|minerals|elements|compounds|technologies|"
    r"entities|companies|firms|individuals)\b",
    re.IGNORECASE,
)
_MEASURE_TYPES = frozenset({"export_ban", "export_control", "sanction"})


def _referred_types(noun: str) -> frozenset[str]:
    """The event types an anaphoric subject noun refers back to."""
    noun = noun.lower()
    return _SUBJECT_TYPES.get(noun.removesuffix("s"), frozenset(EVENT_TYPES))


#: Requests and calls are not events ("asked for details on funding", "urged a ban").
REQUEST = re.compile(
    r"\b(?:ask(?:s|ed)? for|call(?:s|ed)? for|urg(?:e|es|ed)|demanded|demands that|"
    r"lobb(?:y|ies|ied) for)\b",
    re.IGNORECASE,
)
#: A trigger preceded by these refers back to an event already reported.
#: ("its own sanctions" is a new measure, not a back-reference.)
_ANAPHORA = re.compile(
    r"\b(?:the|its|their|this|that|these|those)\s+(?!own\s)(?:\w+\s+)?$", re.IGNORECASE
)
_OF = re.compile(r"(?:\s+by\s+(?:the\s+)?[\w#-]+(?:\s+[\w#-]+)?)?\s+of\b")
#: "its sanctions list", "its control list": adding to a list is news, not a back-reference
_LIST = re.compile(r"\s+lists?\b", re.IGNORECASE)
_COMPARISON = re.compile(
    r"\b(?:outside|beyond|except|excluding|other than|reliance on|dependence on|dependent on|"
    r"away from|rather than|instead of|apart from|relies on|rely on)\s+(?:of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(
    r",\s+(?:[^,]{0,80}?\s)?(?:said|says|told|announced|reported|added|according to)\b[^,]*$"
)
#: A company described by its country in the attribution ("the Kazakh company said") is the
#: actor of the sentence, so that country counts, unlike "traders in China said".
_ACTOR_AFTER = re.compile(
    r"[\s-]+(?:listed\s+|state(?:-owned)?\s+|owned\s+)?(?:company|miner|producer|group|firm|"
    r"explorer|developer|refiner|operator|utility|chemicals group|mining company)\b",
    re.IGNORECASE,
)
#: Corporate suffixes: a commodity word inside "Vietnam Rare Earth JSC" names the company.
_CORPORATE_SUFFIX = re.compile(
    r"(?:\s+[A-Z][\w&.-]*){0,2}?\s+(?:JSC|Ltd|Limited|Inc|Corp|Corporation|Co|Company|Group|"
    r"Plc|PLC|AG|SA|S\.A|GmbH|Holdings|LLC|NL|Tbk|Berhad|Bhd|Works|Industries|Enterprises)\b"
)
#: "Perth-based Caldeira Ionic": the article gives the company's home.
_BASED = re.compile(
    r"\b(?P<place>[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+)?)-based\s+(?P<name>[A-Z][\w&.'-]*"
    r"(?:\s+[A-Z][\w&.'-]*){0,3})"
)
#: Characterising something ("described Western sanctions as illegal") is an opinion about
#: it, not an event.
_CHARACTERISED = re.compile(
    r"\b(?:describ(?:ed|es|ing)|branded|brands|labell?ed|characteri[sz]ed|dismissed)\b"
    r"[^.;]{0,60}\bas\b",
    re.IGNORECASE,
)
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w&.-]*\s+$")
#: "ASTANA, 8 September 2025 (Interfax) - ", "GOMA/WASHINGTON, 21 February - ", "KINSHASA - ":
#: a capitalised place, an optional date and agency, then a dash.
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'/-]{2,40}?)(?:,\s+(?P<date>\d{1,2}\s+[A-Z][a-z]+\.?"
    r"(?:\s+\d{4})?|[A-Z][a-z]+\.?\s+\d{1,2}(?:,?\s+\d{4})?))?\s*(?:\((?P<agency>[^)]{1,80})\))?"
    r"\s*[—–-]{1,2}\s+"
)
_ABBREVIATIONS = frozenset(
    [
        "u.s",
        "mr",
        "mrs",
        "ms",
        "dr",
        "inc",
        "corp",
        "co",
        "ltd",
        "st",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "vs",
        "e.g",
        "i.e",
        "gen",
        "gov",
        "sen",
        "rep",
        "approx",
        "mt",
        "ft",
        "u.k",
        "u.n",
        "d.r",
        "p.m",
        "a.m",
        "est",
        "dept",
        "plc",
    ]
)
_STAGE_WORDS: tuple[tuple[str, str], ...] = (
    ("magnet", r"\bmagnets?\b"),
    ("metal", r"\b(?:metal(?:lurgical)? plant|metallisation|metallization|alloys?)\b"),
    (
        "refining",
        r"\b(?:separat\w*|refin\w*|solvent.extraction|oxides?|hydroxide|carbonate|purification)\b",
    ),
    ("smelting", r"\b(?:smelt\w*|leach\w*)\b"),
    ("recycling", r"\brecycl\w*\b"),
    ("mining", r"\b(?:mine|mines|mining|deposits?|ore|exploration|drilling|concentrate)\b"),
)
_STAGES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _STAGE_WORDS
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article body with its offsets."""

    start: int
    end: int
    text: str


_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?(?=\s+[\"'(\[]?[A-Z0-9])")
_LAST_TOKEN = re.compile(r"([\w.]+)[.!?]$")


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences (paragraph breaks always split; abbreviations do not)."""
    out: list[Sentence] = []
    for para in _PARAGRAPH.finditer(text):
        p_start = para.start()
        chunk = para.group()
        begin = 0
        for m in _SENTENCE_END.finditer(chunk):
            end = m.end()
            token = _LAST_TOKEN.search(chunk[begin : m.start() + 1])
            word = token.group(1).lower().rstrip(".") if token else ""
            following = chunk[end:].lstrip()[:1]
            if chunk[m.start()] == "." and (
                (word in _ABBREVIATIONS and (word != "no" or following.isdigit()))
                or (len(word) == 1 and word.isalpha())
            ):
                continue
            piece = chunk[begin:end]
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                out.append(Sentence(p_start + begin + lead, p_start + end, piece.strip()))
            begin = end
        piece = chunk[begin:]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            out.append(Sentence(p_start + begin + lead, p_start + len(chunk), piece.strip()))
    return out


def as_article(text: str, *, published: str = "", title: str = "") -> Article:
    """Wrap raw text (cleaned here) as an :class:`Article`."""
    cleaned = clean_text(text)
    return Article(id=article_id(cleaned), text=cleaned, title=title, published=published)


@dataclass(frozen=True, slots=True)
class Context:
    """What the article as a whole says: its date, main country and commodity."""

    reference: date | None
    main_country: str | None
    main_commodity: str | None
    dateline_country: str | None
    #: Homes the article gives companies ("Perth-based Acme Metals"): (first name word, country).
    local_homes: tuple[tuple[str, str], ...] = ()


def _majority(ids: list[str]) -> str | None:
    if not ids:
        return None
    counts = Counter(ids)
    best = max(counts.values())
    return next(i for i in ids if counts[i] == best)


def _country_of(m: Mention, homes: dict[str, str]) -> str | None:
    if m.kind == "country":
        return m.id
    if m.kind == "company" and m.via == "agency":
        return homes.get(m.id)
    return None


@cache
def _homes() -> dict[str, str]:
    """Company id to home country (built once; the catalogue is fixed; never mutated)."""
    from critmin.data.catalogue.companies import companies

    return {c.id: c.home for c in companies()}


#: A capitalised word right before a mention, not opening a sentence or line.
_NAME_WORD_BEFORE = re.compile(r"(?<![.!?\n:\"\u201c]\s)(?<!^)\b[A-Z][\w&'\u2019-]*\s+$")


def _title_case_in_name(text: str, start: int, surface: str) -> bool:
    """Whether a Title Case commodity word is part of a name.

    After another capitalised word mid-sentence ("from Australia's Kimberley Heavy Rare
    Earths") it is; opening a sentence ("Lithium prices fell") it is not.
    """
    words = surface.split()
    if not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, start - 40) : start]
    m = _NAME_WORD_BEFORE.search(before)
    if m is None:
        return False
    # the capitalised word must not open its sentence ("Lithium prices", "In Lithium ...")
    head = before[: m.start()].rstrip()
    return bool(head) and head[-1] not in '.!?:"\u201c\n'


def _in_company_name(text: str, m: Mention) -> bool:
    """Whether a commodity or country mention is part of a company's name.

    A commodity inside "Vietnam Rare Earth JSC" or a place opening "Greenland Critical Metals
    Corp." names the company, not the event's commodity or country (a company is often named
    after a place it no longer works in).
    """
    surface = text[m.start : m.end]
    if m.kind == "commodity" and _title_case_in_name(text, m.start, surface):
        return True
    if not surface[:1].isupper() or not _CORPORATE_SUFFIX.match(text, m.end):
        return False
    if m.kind == "commodity":
        return bool(_CAPITALISED_BEFORE.search(text[max(0, m.start - 40) : m.start]))
    return m.kind == "country"


#: A capitalised word of a name; a dot only inside it ("S.A"), so "Brazil." ends a sentence.
_CAP = r"[A-Z][\w&'\u2019-]*(?:\.(?=\w)[\w&'\u2019-]*)*"
#: Names an article marks as a company's: a capitalised run before an exchange ticker
#: ("Niobium Gate Resources Ltd (ASX: NBG)") or before an appositive naming its trade
#: ("Bushveld Crest Platinum, the Johannesburg-based miner").
_TICKER_NAME = re.compile(
    rf"(?:{_CAP}[ \t]+){{0,5}}{_CAP}(?=[ \t]*\((?:ASX|TSXV?|TSX-V|NYSE|NASDAQ|Nasdaq|LSE|AIM|JSE|"
    r"HKEX|SGX|KOSDAQ|KRX|SSE|SZSE|BSE|NSE|OTCQ[BX]|OTC|IDX|FSE|XETRA|CSE|NZX|PSE)\s*:)"
)
_APPOSITIVE_NAME = re.compile(
    rf"(?:{_CAP}[ \t]+){{1,4}}{_CAP}(?=,[ \t]+(?:the|a|an)\s+(?:[\w'-]+\s+){{0,3}}(?:miner|company|"
    r"producer|explorer|developer|group|firm|refiner|operator|maker|trader|smelter)\b)"
)


_TICKER_CUE = re.compile(
    r"\((?:ASX|TSXV?|TSX-V|NYSE|NASDAQ|Nasdaq|LSE|AIM|JSE|HKEX|SGX|KOSDAQ|KRX|SSE|SZSE|BSE|NSE|"
    r"OTCQ[BX]|OTC|IDX|FSE|XETRA|CSE|NZX|PSE)\s*:"
)
_APPOSITIVE_CUE = re.compile(
    r",[ \t]+(?:the|a|an)\s+(?:[\w'-]+\s+){0,3}(?:miner|company|producer|explorer|developer|group|"
    r"firm|refiner|operator|maker|trader|smelter)\b"
)
_SUFFIXED_NAME = re.compile(
    rf"(?<![\w&.-]){_CAP}(?=(?:[ \t]+{_CAP}){{0,2}}?[ \t]+(?:JSC|Ltd|Limited|Inc|Corp|Corporation|"
    r"Plc|PLC|AG|SA|S\.A|GmbH|Holdings|LLC|NL|Tbk|Berhad|Bhd)\b)"
)


def _company_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the company names an article marks itself.

    A ticker, an appositive or a corporate suffix marks a name; later occurrences of its first
    two words ("Niobium Gate") are the same company.
    """
    # the name patterns try every capital letter: run each only when its cue is in the text
    spans = [
        (m.start(), m.end())
        for p, cue in ((_TICKER_NAME, _TICKER_CUE), (_APPOSITIVE_NAME, _APPOSITIVE_CUE))
        if cue.search(text)
        for m in p.finditer(text)
    ]
    for m in _SUFFIXED_NAME.finditer(text):
        suffix = _CORPORATE_SUFFIX.match(text, m.end())
        if suffix is not None:
            spans.append((m.start(), suffix.end()))
    # "Perth-based Acme Ltd", "Brazil's Cerrado Minerais, the developer": the home place or the
    # possessive describes the company; it is not part of its name
    spans = [(_past_descriptors(text, a, b), b) for a, b in spans]
    shorts = set()
    for start, end in spans:
        words = text[start:end].split()
        if len(words) >= 2:
            shorts.add(" ".join(words[:2]))
    for short in shorts:
        spans += [(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(short)}\b", text)]
    return spans


#: Words that open a company's span but describe it: "Perth-based", "Brazil's".
_DESCRIPTOR_WORD = re.compile(r"[\w.'\u2019-]*-based\s+|[\w.-]*(?:'s|\u2019s|s')\s+")


def _past_descriptors(text: str, start: int, end: int) -> int:
    """Start of a company name after the "X-based" and possessive words opening the span."""
    while (m := _DESCRIPTOR_WORD.match(text, start)) and m.end() < end:
        start = m.end()
    return start


def _name_heads(text: str, spans: list[tuple[int, int]]) -> frozenset[str]:
    """First words of the multi-word company names an article marks.

    Alone later ("Cordillera" after "Cordillera Metals Corp."), they still name the company,
    not a region or town of that name.
    """
    heads = set()
    for a, b in spans:
        words = text[a:b].split()
        if len(words) >= 2 and len(words[0]) >= 4:
            heads.add(words[0])
    return frozenset(heads)


def _in_marked_name(spans: list[tuple[int, int]], m: Mention) -> bool:
    """Whether a mention lies strictly inside a company name the article marks."""
    return any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in spans)


def _city_ok(text: str, m: Mention, datelines: dict[int, int]) -> bool:
    """Whether a town's name places the event here.

    It does in a dateline ("GOMA, 21 February -") and where the text uses it as a place ("in
    Goma", "a Detroit-based maker").
    """
    if any(a <= m.start < b for a, b in datelines.items()):
        return True
    return city_context(text, m.start, m.end)


def _is_comparison(text: str, m: Mention) -> bool:
    return bool(_COMPARISON.search(text[max(0, m.start - 30) : m.start]))


def extract_events(
    article: Article | str,
    *,
    published: str = "",
    gazetteer: Gazetteer | None = None,
) -> tuple[Event, ...]:
    """Events an article reports, one per distinct (type, countries, commodities).

    Parameters
    ----------
    article
        An :class:`Article` (as the readers return) or raw text.
    published
        ISO date of the article when ``article`` is raw text (resolves "on Monday").
    gazetteer
        Entity gazetteer; default :func:`~critmin.news.gazetteer.default_gazetteer`.

    Returns
    -------
    tuple of Event
        In the order of the sentences that support them.
    """
    if isinstance(article, str):
        article = as_article(article, published=published)
    gaz = gazetteer or default_gazetteer()
    text = article.text
    homes = _homes()
    reference = parse_iso(article.published)

    # Datelines ("ASTANA, 8 September 2025 (Interfax-Kazakhstan) — ") are context, not evidence.
    skip_until: dict[int, int] = {}
    dateline_text = []
    for para in _PARAGRAPH.finditer(text):
        m = _DATELINE.match(para.group())
        if m:
            skip_until[para.start()] = para.start() + m.end()
            dateline_text.append(m.group(0))
            if reference is None and m["date"]:
                reference = sentence_date(m["date"])
    year = reference.year if reference else None
    # "US$770" is a currency, not the United States
    spans = _company_spans(text)
    heads = _name_heads(text, spans)
    mentions = [
        m
        for m in gaz.find(text, year=year)
        if not _in_company_name(text, m)
        and not (m.kind in ("country", "commodity") and _in_marked_name(spans, m))
        and not (m.kind == "country" and text[m.end : m.end + 1] == "$")
        and not (m.via == "region" and embedded(text, m.start, m.end))
        and not (m.via == "city" and not _city_ok(text, m, skip_until))
        and not (m.via in ("region", "city") and text[m.start : m.end] in heads)
    ]
    local_homes = []
    for based in _BASED.finditer(text):
        where = [m.id for m in gaz.find(based["place"], year=year) if m.kind == "country"]
        if where:
            local_homes.append((based["name"].split()[0], where[0]))
    title_mentions = []
    if article.title:
        # the body's company names hold in the headline too ("Bushveld Crest Platinum cuts ...")
        names = {text[a:b] for a, b in spans if " " in text[a:b]}
        t_spans = _company_spans(article.title) + [
            (m.start(), m.end())
            for n in names
            for m in re.finditer(rf"\b{re.escape(n)}\b", article.title)
        ]
        title_mentions = [
            m
            for m in gaz.find(article.title, year=year)
            if not _in_company_name(article.title, m)
            and not (m.kind in ("country", "commodity") and _in_marked_name(t_spans, m))
        ]

    dateline_country = None
    for line in dateline_text:
        found = [m.id for m in gaz.find(line, year=year) if m.kind == "country"]
        if found:
            dateline_country = found[0]
            break
    country_ids = [
        c
        for m in (*title_mentions, *mentions)
        if (c := _country_of(m, homes)) and not _is_comparison(text, m)
    ]
    commodity_ids = [m.id for m in (*title_mentions, *mentions) if m.kind == "commodity"]
    ctx = Context(
        reference=reference,
        main_country=_majority(country_ids) or dateline_country,
        main_commodity=_majority(commodity_ids),
        dateline_country=dateline_country,
        local_homes=tuple(local_homes),
    )

    events: list[Event] = []
    seen: set[tuple[str, frozenset[str], frozenset[str]]] = set()
    # A paragraph opened by a heading that is only a country name ("Morocco." in a digest)
    # has that country as its context, in place of the article's main country.
    heading: tuple[str, int] | None = None
    for n, sentence in enumerate(split_sentences(text)):
        start = sentence.start
        cut = skip_until.get(start)
        if cut is not None and cut < sentence.end:
            start = cut
        s_text = text[start : sentence.end].strip()
        if not s_text:
            continue
        s_mentions = [m for m in mentions if start <= m.start and m.end <= sentence.end]
        named = [m for m in s_mentions if m.kind == "country"]
        if len(named) == 1 and s_text.strip(" .:*#") == text[named[0].start : named[0].end]:
            # a heading on a line of its own heads the paragraphs up to the next heading; one
            # opening a paragraph ("Morocco. The company...") heads that paragraph
            para_end = text.find("\n", sentence.end)
            own_line = para_end < 0 or not text[sentence.end : para_end].strip()
            heading = (named[0].id, len(text) if own_line else para_end)
            continue
        local = ctx
        if heading is not None and sentence.start < heading[1]:
            local = replace(ctx, main_country=heading[0])
        reported = frozenset(e.type for e in events)
        event = _sentence_event(article, n, s_text, start, s_mentions, local, gaz, homes, reported)
        if event is not None and event.key not in seen:
            seen.add(event.key)
            events.append(event)
    # a headline (no closing punctuation) only announces what the body reports: when the body
    # has an event of the same type, the body's sentence, with its fuller arguments, stands
    body_types = {e.type for e in events if not _headline(e.evidence)}
    return tuple(e for e in events if not (_headline(e.evidence) and e.type in body_types))


def _headline(evidence: str) -> bool:
    return not evidence.rstrip().endswith((".", "!", "?", '"', "\u201d", "'", ")"))


@cache
def _state_references(refs: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the generic state references ("the ministry") of the lexicon."""
    if not refs:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b(?:" + "|".join(re.escape(r) for r in refs) + r")\b", re.IGNORECASE)


def _masked(s_text: str, offset: int, mentions: list[Mention], kinds: set[str]) -> str:
    # "#" rather than spaces: a blanked name must not read as a gap ("The ___ imposed sanctions"
    # is not "the imposed sanctions")
    if not any(m.kind in kinds for m in mentions):
        return s_text
    chars = list(s_text)
    for m in mentions:
        if m.kind in kinds:
            # the mention's characters inside the sentence, spaces kept
            lo, hi = max(0, m.start - offset), min(len(chars), m.end - offset)
            if lo < hi:
                chars[lo:hi] = [c if c.isspace() else "#" for c in chars[lo:hi]]
    return "".join(chars)


def _word_end(text: str, start: int) -> int:
    """End of the word that starts at ``start``."""
    m = re.compile(r"[\w-]+").match(text, start)
    return m.end() if m else start


_STUDY_BEFORE = re.compile(
    r"\b(?:stud(?:y|ies|ied|ying)|assess(?:ing|ed)?|evaluat(?:e|ing|ed)|explor(?:e|ing|ed))\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _new_capacity_ok(sentence: str, m: re.Match[str]) -> bool:
    """Whether a new-capacity trigger reports a facility decided, begun or opened now.

    Rejected: a verb and object in different clauses ("begin after the refinery"), a generic
    object ("have built processing parks"), ongoing construction ("is building"), a gerund used
    as a noun ("Building a plant takes years"), a relative clause about an earlier facility
    ("when engineers opened the first pits"), an infinitive of purpose ("to build up its
    industry") and a durative frame ("over the past five years").
    """
    if _DURATIVE.search(sentence):
        return False
    # "would study the construction of a smelter": a study, not a plant
    if _STUDY_BEFORE.search(sentence, max(0, m.start() - 40), m.start()):
        return False
    groups = m.groupdict()
    v_start = m.start("v") if groups.get("v") else m.start()
    verb = (groups.get("v") or "").lower()
    before = sentence[:v_start]
    gap = groups.get("g")
    # "the launch of two plants": the nominal's object follows "of"
    if gap is not None:
        head = _NOMINAL_OBJECT.sub("", gap)
        # the facility heads the verb's object, not a phrase inside it ("completed a study of
        # the plant", "signed a deal for a plant")
        if _CLAUSE_BREAK.search(gap) or not _SPECIFIC.match(head) or _PREPOSITION.search(head):
            return False
    return _foreground(before, verb, durative=("build", "construct", "develop", "establish"))


#: "industries that upgrade crude metal": a relative "that" after a noun (not after a verb of
#: saying or deciding, where "that" opens the reported clause).
_THAT_RELATIVE = re.compile(r"\b(?P<w>[\w-]+)\s+that\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_COMPLEMENT_HOSTS = frozenset(
    {
        "said",
        "says",
        "say",
        "announced",
        "confirmed",
        "added",
        "stated",
        "reported",
        "noted",
        "decided",
        "agreed",
        "ordered",
        "ruled",
        "told",
        "so",
        "such",
        "now",
        "given",
        "showed",
        "shows",
        "means",
        "meant",
        "believes",
        "expects",
        "hopes",
        "warned",
        "insisted",
        "indicated",
        "informed",
        "revealed",
        "disclosed",
        "declared",
        "clear",
        "certain",
        "sure",
    }
)


def _foreground(before: str, verb: str, durative: tuple[str, ...]) -> bool:
    """Whether a trigger verb, with the sentence ``before`` it, reports rather than describes.

    Background: the progressive of a durative verb ("is building", "is expanding"), a gerund
    used as a noun ("Building a plant..."), a relative clause ("which opened a plant") and an
    infinitive not governed by a decision ("to build up its industry").
    """
    if verb.endswith("ing"):
        if verb.startswith(durative) and _PROGRESSIVE.search(before):
            return False
        if _GERUND_HOST.search(before):
            return False
    if _RELATIVE.search(before):
        return False
    that = _THAT_RELATIVE.search(before)
    if that and that["w"].lower() not in _COMPLEMENT_HOSTS:
        return False
    if re.search(r"\bto\s+$", before):
        host = before[: before.rstrip().rfind(" ") + 1]
        clause = re.split(r"[,;:\u2014\u2013]", re.sub(r"\([^)]*\)", " ", host))[-1]
        if not (_DECISION.search(clause) or _BE_TO.search(host)):
            return False
    return True


#: A trend, not a discrete expansion ("have expanded rapidly").
_TREND = re.compile(
    r"\b(?:rapidly|steadily|gradually|continuously|consistently|quickly|fast)\b", re.IGNORECASE
)


#: "the approval for the expansion", "plans for an expansion": the expansion is named, not
#: reported.
_NAMED_OBJECT = re.compile(
    r"\b(?:approval|permit|licen[cs]e|plans?|study|bid|application|consent)\s+(?:for|of)\s+"
    r"(?:the|an|a|its)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _expansion_ok(sentence: str, m: re.Match[str]) -> bool:
    """Whether a capacity-expansion trigger reports an expansion decided or completed now."""
    if _DURATIVE.search(sentence) or _TREND.search(sentence):
        return False
    if _NAMED_OBJECT.search(sentence, max(0, m.start() - 50), m.start()):
        return False
    verb = _WORD.match(m.group(0))
    return _foreground(
        sentence[: m.start()], verb.group(0).lower() if verb else "", durative=("expand",)
    )


_STATIVE_PASSIVE = re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


#: A definite determiner before "fund" makes it a noun naming an investor already known
#: ("The fund, which has EUR 1 billion to invest, ..."), not a financing.
_DEFINITE_BEFORE = re.compile(
    r"\b(?:the|this|that|its|their|our)\s+(?:[\w#'-]+\s+){0,3}$", re.IGNORECASE
)

#: What makes the next "fund" a verb ("will fund", "to fund").
_VERB_BEFORE = re.compile(
    r"\b(?:will|would|shall|to|can|could|may|must|should|did|does|do|also|and|not)\s+$",
    re.IGNORECASE,
)


#: A financing noun whose predicate is a state ("financing for new projects remained scarce")
#: describes the market, not a financing.
_STATIVE_FINANCE = re.compile(
    r"[^.;]{0,50}?\b(?:remain(?:s|ed)?|is|are|was|were|has been|have been|seems?|looks?)\s+"
    r"(?:\w+\s+)?(?:scarce|tight|hard|difficult|limited|elusive|available|expensive|costly|"
    r"needed|key|crucial|lacking|short|constrained|thin|harder|easier|cheaper|dearer)\b",
    re.IGNORECASE,
)


_TRANSACTION = re.compile(
    r"\b(?:secur|rais|obtain|arrang|clos|approv|provid|receiv|sign|agree|won|grant|extend|"
    r"announc|complet|award|commit|land|finali[sz]|back|support)(?:e|es|ed|ing|s|d|ted|ting)?\b|"
    r"\bunderwrit\w*",
    re.IGNORECASE,
)


_FUND_OBJECT = re.compile(
    r"\s+(?:the|a|an|its|their|his|her|our|this|that|these|those|part|half|all|most|some|\d|\$|€|£|"
    r"[#A-Z])",
)


def _financing_ok(sentence: str, m: re.Match[str]) -> bool:
    """Whether a financing trigger reports money lent, raised or granted.

    A present passive ("the company is funded by investors") describes; "the fund" names an
    investor; "financing remained scarce" describes the market.
    """
    word = m.group(0).lower()
    before = sentence[: m.start()]
    if word in ("financing", "funding", "loans", "lending", "credit") and _STATIVE_FINANCE.match(
        sentence, m.end()
    ):
        return False
    # a bare noun ("coordinate public financing where appropriate") needs an amount or a deal
    if word in ("financing", "funding") and not (
        re.search(_MONEY, sentence) or _TRANSACTION.search(sentence)
    ):
        return False
    if (
        word in ("fund", "funds")
        and _DEFINITE_BEFORE.search(before)
        and not _VERB_BEFORE.search(before)
    ):
        return False
    # "a London-based mining fund" names an investor: "fund" is a verb only after a modal,
    # "to" or "and", or before its object ("fund the cash portion", "fund 40%")
    if (
        word == "fund"
        and not _VERB_BEFORE.search(before)
        and not _FUND_OBJECT.match(sentence, m.end())
        and not re.search(_MONEY, before[-25:])
    ):
        return False
    return not (
        word.startswith(("funded", "financed")) and _STATIVE_PASSIVE.search(sentence[: m.start()])
    )


#: A bare output figure stated as a rate ("shipped 30 million tonnes a year") is a size,
#: not news about output in a period.
_RATE = re.compile(
    r"\b(?:a|per|each) (?:year|annum)\b(?!\s+(?:earlier|ago|before))|\bannually\b",
    re.IGNORECASE,
)
#: An output figure next to a share or rank ("making it Africa's largest", "accounts for most
#: of the world's") is a background statistic about how big a producer is.
_RANK = re.compile(
    r"\bmaking it\b|\b(?:accounts?|accounted|accounting) for\b|"
    r"\b(?:share|most|half) of (?:the )?world\b|"
    r"\b(?:quarters?|thirds?|fifths?|tenths?) of (?:the )?(?:world|global)\b|"
    r"\b(?:of|in) (?:the )?(?:world|global) (?:total|output|supply|production)\b|"
    r"(?:world|global|continent|country)'s (?:largest|biggest|top|leading|second|third)\b|"
    r"\b(?:Africa|Asia|Europe|America|Australia)'s (?:largest|biggest|top|leading)\b",
    re.IGNORECASE,
)


#: What makes a period's figure news: a change or a comparison ("up 15%", "from 3,000 t").
_CHANGE = re.compile(
    r"%|\b(?:up|down|higher|lower|more|less|compared|versus|vs|from|record|increase|decrease|"
    r"year[- ]on[- ]year|quarter[- ]on[- ]quarter|a year (?:earlier|ago))\b",
    re.IGNORECASE,
)


def _production_ok(sentence: str, m: re.Match[str]) -> bool:
    """An output figure with a change or a period, not a background size statistic."""
    if _RANK.search(sentence):
        return False
    word = m.group(0).lower()
    # a decision on output ("would reduce its output") needs its figure or period to be news
    if word.startswith(("reduc", "cut", "lower", "rais", "increas", "boost", "trim")):
        return bool(re.search(r"\d", sentence[m.start() :])) and not _RATE.search(sentence)
    if word.startswith(("output", "production", "shipments")) and re.match(
        r"\w+\s+(?:of|was|were|at)\b", word
    ):
        return bool(_CHANGE.search(sentence, m.end()))
    bare_figure = m.group(0).lower().startswith(("produced", "shipped", "mined", "sold"))
    return not (bare_figure and _RATE.search(sentence))


#: A security's price ("Iluka shares closed 4% higher") is not a commodity price.
_SECURITY = re.compile(
    r"\b(?:costs?|expenses|wages|capex|opex|revenues?|profits?|earnings|margins?|debt|"
    r"shares?|stocks?|equit(?:y|ies)|index|indices|bonds?|yields?|ADRs?|stock price|"
    r"market value|market capitali[sz]ation)\b",
    re.IGNORECASE,
)


def _price_ok(sentence: str, m: re.Match[str]) -> bool:
    """A commodity's price moved, not a share's."""
    return not _SECURITY.search(sentence[max(0, m.start() - 60) : m.end()])


_ABBREVIATED = (
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Mr", "Ms", "Dr", "St", "No", "Co", "Inc", "Corp", "Ltd", "Bhd", "vs", "approx",
)  # fmt: skip
#: A decimal point ("A$1.2 billion") or an abbreviation's dot ("Oct. 16") is no sentence stop
#: for the patterns' gaps.
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)|\b(?:" + "|".join(_ABBREVIATED) + r")\.(?=\s+[\w$(])")


def _undotted(sentence: str) -> str:
    """``sentence`` with decimal points and abbreviations' dots as middle dots (same length)."""
    if "." not in sentence[:-1]:
        return sentence
    return _DECIMAL.sub(lambda m: m.group(0)[:-1] + "\u00b7", sentence)


#: Cumulative activity over years ("have spent $1.4 billion acquiring mines since 2021") is
#: background, not a deal.
_CUMULATIVE = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:spent|invested|poured|acquired|bought|built|developed)\b"
    r"[^.;]{0,100}\bsince (?:19|20)\d\d\b",
    re.IGNORECASE,
)


#: A supply deal for a utility ("a supply arrangement for water") is not an offtake of a
#: mineral.
_UTILITY = re.compile(
    r"\b(?:water|power|electricity|energy|natural gas|gas|diesel|fuel|steam)\b", re.IGNORECASE
)


def _offtake_ok(sentence: str, m: re.Match[str]) -> bool:
    """An offtake is of a mineral product, not of water or power."""
    return not _UTILITY.search(sentence, m.end(), m.end() + 25)


#: Extra checks a trigger of a type must pass.
_CHECKS = {
    "production_update": _production_ok,
    "new_capacity": _new_capacity_ok,
    "capacity_expansion": _expansion_ok,
    "financing": _financing_ok,
    "price_move": _price_ok,
    "offtake": _offtake_ok,
}


#: A further line or stage at a site that already runs ("the second line ... has been put into
#: operation") adds capacity; it does not create a new producer.
_ADDED_UNIT = re.compile(
    r"\b(?:second|third|fourth|fifth|additional|another|extra)\s+(?:[\w-]+\s+){0,2}(?:lines?|"
    r"stages?|phases?|trains?|units?|kilns?|furnaces?|potlines?|modules?|circuits?|"
    r"concentrators?|mills?|shafts?)\b",
    re.IGNORECASE,
)


#: An export halt with a physical cause ("halted ... after a derailment") is a disruption,
#: not a decision to ban exports.
_PHYSICAL_CAUSE = re.compile(
    r"\b(?:after|due to|because of|following|amid|caused by)\b[^.;]{0,40}\b(?:derail\w*|floods?|"
    r"flooding|fires?|storms?|cyclones?|outages?|strikes?|protests?|blockades?|accidents?|"
    r"collapses?|landslides?|earthquakes?|breakdowns?|damage)\b",
    re.IGNORECASE,
)
#: An output cut for want of supply or permits ("cut production by 30% because licences to
#: export dysprosium had not been issued") is a disruption, not a producer's choice.
_EXTERNAL_CAUSE = re.compile(
    r"\b(?:because|due to|owing to|after|amid|as a result of)\b[^.;]{0,60}\b(?:shortages?|"
    r"shortfalls?|licen[cs]es?|outages?|power cuts?|floods?|flooding|fires?|strikes?|protests?|"
    r"drought|accidents?|sanctions|export (?:bans?|controls?|restrictions?))\b",
    re.IGNORECASE,
)
#: A new line that raises a site's capacity ("completed a new line ..., raising its annual
#: capacity") expands it.
_CAPACITY_RAISE = re.compile(
    r"\b(?:rais|lift|increas|boost|doubl|expand)\w*\s+(?:its\s+|the\s+)?(?:[\w-]+\s+){0,3}capacity\b",
    re.IGNORECASE,
)


def _hypothetical(clause: str, sentence: str) -> bool:
    """Whether a "would" makes the trigger's clause a hypothetical.

    "Any outage would bite" is; "said it would build" (reported speech or a decision) is not.
    """
    would = _WOULD.search(clause)
    if would is None:
        return False
    head = clause[: would.start()]
    return not (_REPORTED.search(head) or _ATTRIBUTION.search(sentence))


def _clause(sentence: str, m: re.Match[str]) -> str:
    """The clause around a trigger: up to the clause breaks on either side of it."""
    start, end = 0, len(sentence)
    for b in _CLAUSE_SPLIT.finditer(sentence):
        if b.end() <= m.start():
            start = b.end()
        elif b.start() >= m.end():
            end = b.start()
            break
    return sentence[start:end]


#: A trigger modifying "prices" ("long-term contract prices", "export ban talk") names a market
#: quantity, not an event.
_MODIFIES_PRICE = re.compile(r"\s+(?:prices?|price levels?|premiums?|discounts?)\b", re.IGNORECASE)


def _inside_characterisation(sentence: str, m: re.Match[str]) -> bool:
    """Whether the trigger is what "described X as Y" characterises.

    "described Western sanctions as illegal" is an opinion of the sanctions; "had intersected
    mineralisation ... and described it as a new discovery" reports the find before it.
    """
    return any(
        c.start() <= m.start() and m.end() <= c.end() + 40
        for c in _CHARACTERISED.finditer(sentence)
    )


def _asserted(clause: str, may: Scan | None = None) -> bool:
    """Whether a clause asserts its trigger: no modal, forecast or negation in it.

    ``may``: a scan of a text the clause is part of; patterns it rules out are not searched.
    """
    if may is None:
        may = _gate().scan(clause)
    return not (
        (SPECULATIVE in may and SPECULATIVE.search(clause))
        or (_MAY in may and _MAY.search(clause))
        or (
            NEGATION in may
            and NEGATION.search(_PROHIBITIVE.sub(" ", clause) if _PROHIBITIVE in may else clause)
        )
    )


#: The measure a new one replaces ("switch from a suspension of exports to a quota system",
#: "replace the ban with licences") is not what the sentence reports.
_REPLACED = re.compile(
    r"\b(?:(?:switch|mov|shift|chang|convert|transition)\w*\s+from|replac\w*)\s+"
    r"(?P<x>[^.;]{0,60}?)\s+(?:to|with|by)\b|"
    # "..., replacing an export suspension that had ..."
    r"\b(?:replacing|ending|lifting|scrapping)\s+(?P<y>(?:a|an|the|its)\s+(?:[\w-]+\s+){0,3}(?:bans?|suspensions?|halts?|"
    r"moratori(?:um|a)|embargo(?:es)?|prohibitions?|freezes?))\b",
    re.IGNORECASE,
)
_MEASURE_NOUNS = re.compile(
    r"\b(?:bans?|suspensions?|halts?|moratori(?:um|a)|embargo(?:es)?|prohibitions?|freezes?)\b",
    re.IGNORECASE,
)


def _blank_replaced(m: re.Match[str]) -> str:
    if m.group("y") is not None:
        return _MEASURE_NOUNS.sub(lambda w: "_" * len(w.group(0)), m.group(0))
    head = m.group(0)[: m.start("x") - m.start()]
    tail = m.group(0)[m.end("x") - m.start() :]
    x = _MEASURE_NOUNS.sub(lambda w: "_" * len(w.group(0)), m.group("x"))
    return head + x + tail


@cache
def _stage_gate() -> LiteralGate:
    """The required words of the stage patterns (built once, on first use)."""
    return LiteralGate([pattern for _, pattern in _STAGES])


@cache
def _gate() -> LiteralGate:
    """The required words of the patterns :func:`classify` searches (built once, on first use)."""
    sentence_level = (_CONDITIONAL, GENERIC, REQUEST, _CHARACTERISED, _ANAPHORIC_SUBJECT)
    rewrites = (_PENDING_CLAUSE, _REPLACED)
    clause_level = (SPECULATIVE, _MAY, NEGATION, _PROHIBITIVE)
    triggers = [p for t in EVENT_TYPES for p in _COMPILED[t]]
    stems = {t: _PREFILTER[t] for t in EVENT_TYPES}
    return LiteralGate([*sentence_level, *rewrites, *clause_level, *triggers], words=stems)


def classify(
    sentence: str, reported: frozenset[str] = frozenset()
) -> tuple[str, re.Match[str]] | None:
    """The event type a (masked) sentence reports and the trigger that says so, or ``None``.

    ``reported``: the event types the article has already reported; a sentence spelling out
    the terms of an instrument ("Under the deal, ...") refers back to those only.

    A condition ("if", "unless", "whether") anywhere voids the sentence; a modal, forecast or
    negation voids a trigger only in its own clause ("China banned exports of gallium, a move
    analysts said could hit chipmakers" still reports the ban).
    """
    if sentence.rstrip().endswith("?"):
        return None
    # one scan says which patterns below can match at all (their required words are there)
    # and which event types have a stem in the sentence
    may = _gate().scan(sentence)
    candidates = may.names if may.names is not None else _candidate_types(sentence)
    if not candidates:
        return None
    if _CONDITIONAL in may and _CONDITIONAL.search(sentence):
        return None
    if any(p in may and p.search(sentence) for p in (GENERIC, REQUEST)):
        return None
    undotted = _undotted(sentence)
    if _CUMULATIVE.search(undotted):
        return None
    # a fragment of three words or fewer ("Use of funds") is a heading, not a report
    if len(_TOKEN.findall(sentence)) <= 3:
        return None
    # "would" outside reported speech or a decision is a hypothetical ("Any outage would bite")
    # "Under the agreement," spells out the instrument already reported: its own types are
    # void; a new event of another type ("will advance US$150 million as a prepayment") stands
    under = _UNDER_REFERENCE.match(sentence)
    if _IMPERATIVE.match(sentence):
        return None
    # a subject that refers back to a reported event ("The expansion ...") voids triggers of
    # that event's own type; a new event of another type said of it ("The expansion will be
    # funded by a $75 million loan") is still news
    subject = _ANAPHORIC_SUBJECT.match(sentence) if _ANAPHORIC_SUBJECT in may else None
    referred = _referred_types(subject.group(1)) if subject else frozenset()
    if under is not None:
        referred |= reported & _UNDER_TYPES.get(
            under.group("noun").lower().rstrip("s"), frozenset(EVENT_TYPES)
        )
    if _THE_PARTIES.match(sentence):
        referred |= {"partnership"}
    if _MEASURE_SCOPE.search(sentence):
        referred |= _MEASURE_TYPES
    # a decimal point ("A$1.2 billion") is not a sentence stop for the patterns' gaps
    if undotted != sentence:
        sentence, may = undotted, _gate().scan(undotted)
    if _PENDING_CLAUSE in may:
        blanked = _PENDING_CLAUSE.sub(lambda p: "_" * len(p.group(0)), sentence)
        if blanked != sentence:
            sentence, may = blanked, _gate().scan(blanked)
    if _REPLACED in may:
        blanked = _REPLACED.sub(_blank_replaced, sentence)
        if blanked != sentence:
            sentence, may = blanked, _gate().scan(blanked)
    for event_type in EVENT_TYPES:
        if event_type not in candidates or event_type in referred:
            continue
        for pattern in may.among(_COMPILED[event_type]):
            for m in pattern.finditer(sentence):
                if (
                    _EVENT_NOUNS.match(m.group(0))
                    and _ANAPHORA.search(sentence[max(0, m.start() - 30) : m.start()])
                    and not _OF.match(sentence, _word_end(sentence, m.start()))
                    and not _LIST.match(sentence, _word_end(sentence, m.start()))
                ):
                    continue
                if _ROLE_AFTER.match(sentence, m.end()) or _MODIFIES_PRICE.match(sentence, m.end()):
                    continue
                before = sentence[max(0, m.start() - 60) : m.start()]
                if _HEDGE_BEFORE.search(before):
                    continue
                if _PROPOSED.search(before) and not _ADOPTED.search(sentence):
                    continue
                if _inside_characterisation(sentence, m):
                    continue
                check = _CHECKS.get(event_type)
                if check is not None and not check(sentence, m):
                    continue
                clause = _clause(sentence, m)
                if not _asserted(clause, may) or _hypothetical(clause, sentence):
                    continue
                return _retyped(event_type, sentence, m), m
    return None


def _retyped(event_type: str, sentence: str, m: re.Match[str]) -> str:
    """The type a trigger reports once its sentence's circumstances are read.

    An export halt with a physical cause and an output cut for want of supply are
    disruptions; a further unit at a site, or a new one that raises its capacity, expands it.
    """
    if event_type == "export_ban" and _PHYSICAL_CAUSE.search(sentence):
        return "disruption"
    if event_type == "production_update" and _EXTERNAL_CAUSE.search(sentence, m.end()):
        return "disruption"
    if event_type == "new_capacity" and (
        _CAPACITY_RAISE.search(sentence)
        or _ADDED_UNIT.search(sentence, max(0, m.start() - 80), m.end() + 40)
    ):
        return "capacity_expansion"
    return event_type


def _sentence_event(
    article: Article,
    index: int,
    s_text: str,
    offset: int,
    mentions: list[Mention],
    ctx: Context,
    gaz: Gazetteer,
    homes: dict[str, str],
    reported: frozenset[str] = frozenset(),
) -> Event | None:
    masked = _masked(s_text, offset, mentions, {"company", "country", "bloc"})
    found = classify(masked, reported)
    if found is None:
        return None
    event_type, trigger = found
    full = article.text

    attribution = _ATTRIBUTION.search(s_text)
    cut = offset + attribution.start() if attribution else None
    named = [
        (m, c) for m in mentions if (c := _country_of(m, homes)) and not _is_comparison(full, m)
    ]
    countries = {
        c for m, c in named if cut is None or m.start < cut or _ACTOR_AFTER.match(full, m.end)
    } or {c for _, c in named}
    basis_c = "sentence"
    # "the ministry" is the main country's, unless a country named before it is its locus
    # ("In Tokyo, the industry ministry said"); one named after it is an argument ("the
    # ministry said exports to American users...")
    state = _state_references(gaz.state_references).search(s_text)
    if ctx.main_country and state and not any(m.start < offset + state.start() for m, _ in named):
        countries.add(ctx.main_country)
    if not countries:
        countries = {homes[m.id] for m in mentions if m.kind == "company" and homes.get(m.id)}
        countries |= {
            home for name, home in ctx.local_homes if re.search(rf"\b{re.escape(name)}\b", s_text)
        }
        basis_c = "companies"
    if not countries and ctx.main_country:
        countries = {ctx.main_country}
        basis_c = "article"
    commodities = {m.id for m in mentions if m.kind == "commodity"}
    basis_m = "sentence"
    if not commodities and ctx.main_commodity:
        commodities = {ctx.main_commodity}
        basis_m = "article"
    companies = sorted({m.id for m in mentions if m.kind == "company"})

    stage_text = _masked(s_text, offset, mentions, {"commodity", "company"})
    stage_may = _stage_gate().scan(stage_text)
    stage = next((n for n, pat in _STAGES if pat in stage_may and pat.search(stage_text)), None)
    quantity = event_quantity(event_type, s_text)
    stated = sentence_date(s_text, ctx.reference)
    if stated is not None:
        when, date_basis = stated.isoformat(), "stated"
    elif ctx.reference is not None:
        when, date_basis = ctx.reference.isoformat(), "article"
    else:
        when, date_basis = None, ""

    confidence = 0.55
    confidence += 0.15 if basis_c == "sentence" else 0.05 if basis_c == "companies" else 0.0
    confidence += 0.15 if basis_m == "sentence" else 0.0
    confidence += 0.05 if quantity is not None else 0.0
    confidence += 0.05 if len(trigger.group(0)) > 12 else 0.0
    return Event(
        type=event_type,
        countries=tuple(sorted(countries)),
        commodities=tuple(sorted(commodities)),
        companies=tuple(companies),
        stage=stage,
        quantity=quantity,
        date=when,
        evidence=s_text,
        confidence=min(confidence, 0.95),
        article_id=article.id,
        sentence=index,
        date_basis=date_basis,
    )
