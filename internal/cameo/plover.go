package cameo

// PLOVER event types (Political Language Ontology for Verifiable Event Records).
const (
	PLOVERAgree     = "AGREE"
	PLOVERConsult   = "CONSULT"
	PLOVERSupport   = "SUPPORT"
	PLOVERConcede   = "CONCEDE"
	PLOVERCooperate = "COOPERATE"
	PLOVERAid       = "AID"
	PLOVERRetreat   = "RETREAT"
	PLOVERRequest   = "REQUEST"
	PLOVERAccuse    = "ACCUSE"
	PLOVERReject    = "REJECT"
	PLOVERThreaten  = "THREATEN"
	PLOVERProtest   = "PROTEST"
	PLOVERSanction  = "SANCTION"
	PLOVERMobilize  = "MOBILIZE"
	PLOVERCoerce    = "COERCE"
	PLOVERAssault   = "ASSAULT"
)

// PLOVERTypes lists the sixteen PLOVER event types, cooperative first.
func PLOVERTypes() []string {
	return []string{
		PLOVERAgree, PLOVERConsult, PLOVERSupport, PLOVERConcede, PLOVERCooperate,
		PLOVERAid, PLOVERRetreat, PLOVERRequest, PLOVERAccuse, PLOVERReject,
		PLOVERThreaten, PLOVERProtest, PLOVERSanction, PLOVERMobilize, PLOVERCoerce,
		PLOVERAssault,
	}
}

// ploverByRoot is the PLOVER type of each CAMEO root; ploverByCode overrides
// it for codes that PLOVER files elsewhere. Root 01 (public statements) has
// no PLOVER type except for the codes listed in ploverByCode.
var ploverByRoot = map[Root]string{
	"02": PLOVERRequest,
	"03": PLOVERAgree,
	"04": PLOVERConsult,
	"05": PLOVERSupport,
	"06": PLOVERCooperate,
	"07": PLOVERAid,
	"08": PLOVERConcede,
	"09": PLOVERAccuse,
	"10": PLOVERRequest,
	"11": PLOVERAccuse,
	"12": PLOVERReject,
	"13": PLOVERThreaten,
	"14": PLOVERProtest,
	"15": PLOVERMobilize,
	"16": PLOVERSanction,
	"17": PLOVERCoerce,
	"18": PLOVERAssault,
	"19": PLOVERAssault,
	"20": PLOVERAssault,
}

var ploverByCode = map[EventCode]string{
	"016":  PLOVERReject,  // deny responsibility
	"018":  PLOVERSupport, // empathetic comment
	"019":  PLOVERAgree,   // express accord
	"036":  PLOVERConsult, // intent to meet or negotiate
	"057":  PLOVERAgree,   // sign formal agreement
	"084":  PLOVERRetreat, // return, release
	"0841": PLOVERRetreat,
	"0842": PLOVERRetreat,
	"087":  PLOVERRetreat, // de-escalate military engagement
	"0871": PLOVERRetreat,
	"0872": PLOVERRetreat,
	"0873": PLOVERRetreat,
	"0874": PLOVERRetreat,
	"172":  PLOVERSanction, // administrative sanctions
	"1721": PLOVERSanction,
	"1722": PLOVERSanction,
	"1723": PLOVERCoerce,
	"1724": PLOVERCoerce,
}

// ploverModes gives the PLOVER mode of a code; four-digit codes without an
// entry inherit the mode of their three-digit parent.
var ploverModes = map[EventCode]string{
	// REQUEST (appeals 02, demands 10) and AGREE (intents 03) share the "what" modes.
	"021": "cooperate", "022": "policy", "023": "aid", "024": "reform", "025": "yield",
	"026": "meet", "027": "settle", "028": "mediate",
	"031": "cooperate", "032": "policy", "033": "aid", "034": "reform", "035": "yield",
	"036": "meet", "037": "settle", "038": "mediate", "039": "mediate",
	"101": "cooperate", "102": "policy", "103": "aid", "104": "reform", "105": "yield",
	"106": "meet", "107": "settle", "108": "mediate",
	"121": "cooperate", "122": "aid", "123": "reform", "124": "yield", "125": "meet",
	"126": "mediate", "127": "settle", "128": "defy", "129": "veto",
	"0211": "economic", "0212": "military", "0213": "judicial", "0214": "intelligence",
	"0311": "economic", "0312": "military", "0313": "judicial", "0314": "intelligence",
	"1011": "economic", "1012": "military", "1013": "judicial", "1014": "intelligence",
	"0231": "economic", "0232": "military", "0233": "humanitarian", "0234": "peacekeeping",
	"0331": "economic", "0332": "military", "0333": "humanitarian", "0334": "peacekeeping",
	"1031": "economic", "1032": "military", "1033": "humanitarian", "1034": "peacekeeping",
	"0253": "release", "0353": "release", "1053": "release", "1243": "release",
	"0256": "ceasefire", "0356": "ceasefire", "1056": "ceasefire", "1246": "ceasefire",
	"0254": "ease sanctions", "0354": "ease sanctions", "1054": "ease sanctions", "1244": "ease sanctions",
	"057": "sign",
	"016": "deny", "018": "sympathize", "019": "accord",
	// CONSULT
	"041": "phone", "042": "visit", "043": "host", "044": "third-party", "045": "mediate", "046": "negotiate",
	// SUPPORT
	"051": "praise", "052": "defend", "053": "rally", "054": "recognize", "055": "apologize", "056": "forgive",
	// COOPERATE, AID
	"061": "economic", "062": "military", "063": "judicial", "064": "intelligence",
	"071": "economic", "072": "military", "073": "humanitarian", "074": "peacekeeping", "075": "asylum",
	// CONCEDE, RETREAT
	"081": "ease restrictions", "0813": "ease curfew", "0814": "end emergency",
	"082": "ease dissent", "083": "accede", "085": "ease sanctions",
	"086": "allow involvement", "0861": "peacekeepers", "0862": "inspectors", "0863": "humanitarian access",
	"084": "release", "0842": "return property", "087": "de-escalate", "0871": "ceasefire",
	"0872": "ease blockade", "0873": "demobilize", "0874": "withdraw",
	// ACCUSE
	"090": "investigate", "091": "investigate", "092": "investigate", "093": "investigate", "094": "investigate",
	"111": "criticize", "112": "allege", "1122": "human rights", "1123": "aggression", "1124": "war crimes",
	"1125": "espionage", "1121": "crime", "113": "rally opposition", "114": "complain", "115": "lawsuit", "116": "convict",
	// THREATEN
	"131": "non-force", "1311": "reduce aid", "1312": "sanctions", "1313": "break relations",
	"132": "restrictions", "1322": "ban", "1323": "curfew", "1324": "martial law",
	"133": "protest", "134": "halt negotiations", "135": "halt mediation", "136": "expel",
	"137": "repression", "138": "attack", "1381": "blockade", "1382": "occupation", "1385": "WMD", "139": "ultimatum",
	// PROTEST
	"141": "demonstrate", "142": "hunger strike", "143": "strike", "144": "obstruct", "145": "riot",
	// MOBILIZE
	"151": "police", "152": "military", "153": "police", "154": "military", "155": "cyber",
	// SANCTION
	"161": "break relations", "162": "reduce aid", "163": "embargo", "164": "halt negotiations",
	"165": "halt mediation", "166": "expel", "1722": "ban",
	"172": "restrictions",
	// COERCE
	"171": "seize", "1712": "destroy", "1723": "curfew", "1724": "martial law",
	"173": "arrest", "174": "deport", "175": "repression", "176": "cyber",
	// ASSAULT
	"181": "abduct", "182": "beat", "1821": "sexual violence", "1822": "torture", "1823": "beat",
	"183": "bombing", "1831": "suicide bombing", "1832": "vehicle bombing", "1833": "roadside bombing",
	"184": "human shield", "185": "assassination", "186": "assassination",
	"191": "blockade", "192": "occupy", "193": "small arms", "194": "artillery",
	"195": "aerial", "1952": "drone", "196": "violate ceasefire",
	"201": "expulsion", "202": "mass killing", "203": "ethnic cleansing", "204": "WMD",
	"2041": "CBRN", "2042": "nuclear",
}

func ploverOf(c EventCode) (string, string) {
	p, ok := ploverByCode[c]
	if !ok && len(c) == 4 {
		p, ok = ploverByCode[c[:3]]
	}
	if !ok {
		p = ploverByRoot[c.Root()]
	}
	if p == "" {
		return "", ""
	}
	m, ok := ploverModes[c]
	if !ok && len(c) == 4 {
		m = ploverModes[c[:3]]
	}
	return p, m
}
