package geo

// Hand-written tables: extra country names, demonyms, regions, landmarks
// (metonyms such as "the Kremlin"), US state abbreviations and the word
// lists the spotter uses to reject common words and person names.

type landmark struct {
	names    []string
	country  string
	adm1     string
	lat, lon float64
	kind     Kind
	geonames int // GeoNames id, 0 when the entry has none
}

var extraCountryNames = map[string][]string{
	"US": {"U.S.", "US", "U.S.A.", "USA", "America", "United States"},
	"GB": {"Britain", "Great Britain", "U.K.", "UK", "United Kingdom"},
	"AE": {"UAE", "U.A.E.", "Emirates"},
	// "Congo" and "Korea" name two countries each: see ambiguous.go
	"CD": {"DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Democratic Republic of the Congo", "Zaire", "Zaïre", "Congo"},
	"CG": {"Congo-Brazzaville", "Republic of the Congo", "Republic of Congo", "Congo"},
	"CI": {"Ivory Coast", "Cote d'Ivoire"},
	"CZ": {"Czech Republic", "Czechia"},
	"MM": {"Burma"},
	"NL": {"Holland", "the Netherlands"},
	"KP": {"North Korea", "DPRK", "Korea"},
	"KR": {"South Korea", "Korea"},
	"VA": {"Vatican", "Vatican City", "Holy See"},
	"PS": {"Palestinian Territories", "Palestinian territories", "Occupied Palestinian Territories"},
	"MK": {"Macedonia", "FYROM"},
	"SZ": {"Swaziland"},
	"TR": {"Turkiye", "Turkey"},
	"CV": {"Cape Verde", "Cabo Verde"},
	"TL": {"East Timor"},
	"BA": {"Bosnia"},
	"TW": {"Taiwan"},
	"VN": {"Vietnam"},
	"LA": {"Laos"},
	"SY": {"Syria"},
	"IR": {"Iran"},
	"CN": {"People's Republic of China", "PRC", "Mainland China"},
	"RU": {"Russian Federation"},
}

// extraADM1Names are abbreviations of first-order divisions that news use
// alone ("NSW"), keyed "CC.admin1code".
var extraADM1Names = map[string][]string{
	"AU.02": {"NSW"},
	"AU.04": {"Qld", "QLD"},
	"CA.02": {"B.C."},
}

var extraDemonyms = map[string][]string{
	"GB": {"Briton", "Britons", "English", "Scottish", "Welsh", "UK"},
	"US": {"Americans", "U.S.-led"},
	"NL": {"Dutch"},
	"SA": {"Saudi", "Saudis"},
	"AE": {"Emirati"},
	"PH": {"Filipino", "Philippine"},
	"IL": {"Israelis"},
	"PS": {"Palestinians", "Hamas"},
	"RU": {"Russians", "Soviet"},
	"CN": {"Chinese"},
	"GE": {"Georgians", "South Ossetian", "Abkhaz"},
	"FR": {"French"},
	"DE": {"German", "Germans"},
	"IQ": {"Iraqis"},
	"SY": {"Syrians"},
	"AF": {"Afghans", "Taliban"},
	"UA": {"Ukrainians"},
	"MX": {"Mexicans"},
	"CA": {"Canadians"},
	"IN": {"Indians"},
	"PK": {"Pakistanis"},
	"EG": {"Egyptians"},
	"CD": {"Congolese"}, // the default reading of an ambiguous demonym (ambiguous.go)
}

var builtinPlaces = []landmark{
	// metonyms and famous sites
	{names: []string{"Kremlin"}, country: "RU", adm1: "48", lat: 55.752, lon: 37.616, kind: KindLandmark},
	{names: []string{"Red Square"}, country: "RU", adm1: "48", lat: 55.754, lon: 37.620, kind: KindLandmark},
	{names: []string{"White House"}, country: "US", adm1: "DC", lat: 38.898, lon: -77.037, kind: KindLandmark},
	{names: []string{"Capitol Hill", "U.S. Capitol"}, country: "US", adm1: "DC", lat: 38.890, lon: -77.009, kind: KindLandmark},
	{names: []string{"Foggy Bottom"}, country: "US", adm1: "DC", lat: 38.894, lon: -77.048, kind: KindLandmark},
	{names: []string{"Pentagon"}, country: "US", adm1: "VA", lat: 38.871, lon: -77.056, kind: KindLandmark},
	{names: []string{"Camp David"}, country: "US", adm1: "MD", lat: 39.648, lon: -77.465, kind: KindLandmark},
	{names: []string{"Wall Street"}, country: "US", adm1: "NY", lat: 40.706, lon: -74.009, kind: KindLandmark},
	{names: []string{"Ground Zero"}, country: "US", adm1: "NY", lat: 40.711, lon: -74.013, kind: KindLandmark},
	{names: []string{"Silicon Valley"}, country: "US", adm1: "CA", lat: 37.387, lon: -122.057, kind: KindLandmark},
	{names: []string{"Downing Street"}, country: "GB", adm1: "ENG", lat: 51.503, lon: -0.128, kind: KindLandmark},
	{names: []string{"Buckingham Palace"}, country: "GB", adm1: "ENG", lat: 51.501, lon: -0.142, kind: KindLandmark},
	{names: []string{"Elysee", "Élysée", "Elysee Palace", "Élysée Palace"}, country: "FR", adm1: "11", lat: 48.870, lon: 2.317, kind: KindLandmark},
	{names: []string{"Quai d'Orsay"}, country: "FR", adm1: "11", lat: 48.862, lon: 2.316, kind: KindLandmark},
	{names: []string{"Zhongnanhai"}, country: "CN", adm1: "22", lat: 39.914, lon: 116.383, kind: KindLandmark},
	{names: []string{"Tiananmen Square"}, country: "CN", adm1: "22", lat: 39.903, lon: 116.391, kind: KindLandmark},
	{names: []string{"Knesset"}, country: "IL", adm1: "06", lat: 31.777, lon: 35.205, kind: KindLandmark},
	{names: []string{"Bundestag", "Reichstag"}, country: "DE", adm1: "16", lat: 52.519, lon: 13.376, kind: KindLandmark},
	{names: []string{"Tahrir Square"}, country: "EG", adm1: "11", lat: 30.044, lon: 31.236, kind: KindLandmark},
	{names: []string{"Guantanamo Bay", "Guantanamo"}, country: "CU", lat: 19.906, lon: -75.097, kind: KindLandmark},
	// areas that are not countries nor divisions in the data
	{names: []string{"Gaza Strip"}, country: "PS", lat: 31.42, lon: 34.36, kind: KindRegion},
	{names: []string{"West Bank"}, country: "PS", lat: 31.95, lon: 35.25, kind: KindRegion},
	{names: []string{"Golan Heights"}, country: "SY", lat: 33.0, lon: 35.75, kind: KindRegion},
	{names: []string{"Sinai", "Sinai Peninsula"}, country: "EG", lat: 29.5, lon: 33.8, kind: KindRegion},
	{names: []string{"Donbas", "Donbass"}, country: "UA", lat: 48.0, lon: 38.0, kind: KindRegion},
	{names: []string{"Kurdistan"}, country: "IQ", lat: 36.2, lon: 44.0, kind: KindRegion},
	{names: []string{"South Ossetia"}, country: "GE", lat: 42.33, lon: 44.0, kind: KindRegion},
	{names: []string{"Abkhazia"}, country: "GE", lat: 43.0, lon: 41.0, kind: KindRegion},
	{names: []string{"Darfur"}, country: "SD", lat: 13.5, lon: 24.0, kind: KindRegion},
	{names: []string{"Siberia"}, country: "RU", lat: 60.0, lon: 105.0, kind: KindRegion},
	{names: []string{"Macedonia"}, country: "GR", lat: 40.6, lon: 22.9, kind: KindRegion}, // the Greek region (ambiguous.go)
	// continents, at the points of their GeoNames CONT features
	{names: []string{"Africa"}, lat: 7.1881, lon: 21.09375, kind: KindRegion, geonames: 6255146},
	{names: []string{"Asia"}, lat: 29.84064, lon: 89.29688, kind: KindRegion, geonames: 6255147},
	{names: []string{"Europe"}, lat: 48.69096, lon: 9.14062, kind: KindRegion, geonames: 6255148},
	{names: []string{"North America"}, lat: 46.07323, lon: -100.54688, kind: KindRegion, geonames: 6255149},
	{names: []string{"South America"}, lat: -14.60485, lon: -57.65625, kind: KindRegion, geonames: 6255150},
	{names: []string{"Oceania"}, lat: -18.31281, lon: 138.51562, kind: KindRegion, geonames: 6255151},
	{names: []string{"Antarctica"}, lat: -78.15856, lon: 16.40626, kind: KindRegion, geonames: 6255152},
	// multi-country regions
	{names: []string{"Latin America"}, lat: -5.0, lon: -65.0, kind: KindRegion},
	{names: []string{"Central America"}, lat: 13.0, lon: -86.0, kind: KindRegion},
	{names: []string{"Caribbean"}, lat: 16.0, lon: -72.0, kind: KindRegion},
	{names: []string{"Middle East"}, lat: 29.0, lon: 41.0, kind: KindRegion},
	{names: []string{"Balkans"}, lat: 42.0, lon: 21.0, kind: KindRegion},
	{names: []string{"Scandinavia"}, lat: 63.0, lon: 15.0, kind: KindRegion},
	{names: []string{"Southeast Asia", "South East Asia"}, lat: 5.0, lon: 110.0, kind: KindRegion},
	{names: []string{"Central Asia"}, lat: 45.0, lon: 65.0, kind: KindRegion},
	{names: []string{"East Asia"}, lat: 35.0, lon: 115.0, kind: KindRegion},
	{names: []string{"South Asia"}, lat: 22.0, lon: 80.0, kind: KindRegion},
	{names: []string{"West Africa"}, lat: 12.0, lon: -2.0, kind: KindRegion},
	{names: []string{"East Africa"}, lat: 0.0, lon: 38.0, kind: KindRegion},
	{names: []string{"Sub-Saharan Africa"}, lat: 0.0, lon: 20.0, kind: KindRegion},
	{names: []string{"Horn of Africa"}, lat: 8.0, lon: 45.0, kind: KindRegion},
	{names: []string{"Persian Gulf"}, lat: 27.0, lon: 51.0, kind: KindRegion},
	{names: []string{"Mediterranean"}, lat: 35.0, lon: 18.0, kind: KindRegion},
}

// usStateAbbrev maps AP-style and postal abbreviations to US postal codes;
// they are read only as qualifiers after a place ("Austin, Tex.").
var usStateAbbrev = map[string]string{
	"ala": "AL", "al": "AL", "alaska": "AK", "ak": "AK", "ariz": "AZ", "az": "AZ", "ark": "AR", "ar": "AR",
	"calif": "CA", "cal": "CA", "ca": "CA", "colo": "CO", "co": "CO", "conn": "CT", "ct": "CT", "del": "DE", "de": "DE",
	"fla": "FL", "fl": "FL", "ga": "GA", "hawaii": "HI", "hi": "HI", "idaho": "ID", "id": "ID", "ill": "IL", "il": "IL",
	"ind": "IN", "in": "IN", "iowa": "IA", "ia": "IA", "kan": "KS", "kans": "KS", "ks": "KS", "ky": "KY", "la": "LA",
	"maine": "ME", "me": "ME", "md": "MD", "mass": "MA", "ma": "MA", "mich": "MI", "mi": "MI", "minn": "MN", "mn": "MN",
	"miss": "MS", "ms": "MS", "mo": "MO", "mont": "MT", "mt": "MT", "neb": "NE", "nebr": "NE", "ne": "NE", "nev": "NV", "nv": "NV",
	"nh": "NH", "nj": "NJ", "nm": "NM", "ny": "NY", "nc": "NC", "nd": "ND", "ohio": "OH", "oh": "OH", "okla": "OK", "ok": "OK",
	"ore": "OR", "oreg": "OR", "or": "OR", "pa": "PA", "penn": "PA", "ri": "RI", "sc": "SC", "sd": "SD", "tenn": "TN", "tn": "TN",
	"tex": "TX", "tx": "TX", "utah": "UT", "ut": "UT", "vt": "VT", "va": "VA", "wash": "WA", "wa": "WA", "wva": "WV", "wv": "WV",
	"wis": "WI", "wisc": "WI", "wi": "WI", "wyo": "WY", "wy": "WY", "dc": "DC",
}

// stopWords are common English words that are also names of small places;
// alone they are read as places only with a qualifier or after a locative
// preposition mid-sentence.
var stopWords = setOf(
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"of", "as", "many", "much", "most", "say", "best", "made", "same", "long", "home", "price", "hard", "real", "nice",
	"early", "deal", "hope", "along", "ask", "man", "friend", "send", "buy", "friendly", "side", "strong", "energy",
	"young", "date", "post", "cut", "goes", "media", "lead", "worth", "industry", "street", "south", "effort", "islands",
	"century", "cool", "page", "tank", "police", "bear", "fully", "north", "freedom", "west", "center", "normal",
	"reading", "trial", "east", "green", "economy", "bar", "male", "band", "central", "college", "progress", "luck",
	"federal", "mission", "glad", "salt", "purchase", "rain", "hurt", "star", "none", "welcome", "beach", "northern",
	"rice", "earth", "centre", "manage", "salon", "ball", "tea", "surprise", "battle", "wake", "bright", "trail", "tire",
	"tool", "pool", "eastern", "advance", "spring", "loving", "minor", "alliance", "king", "justice", "wise",
	"university", "sake", "worms", "holiday", "reserve", "banks", "talent", "unity", "tours", "walls", "golden", "sale",
	"orange", "mold", "split", "metro", "gay", "valley", "pace", "rush", "parks", "liberal", "northwest", "experiment",
	"noble", "trainer", "sandwich", "homeland", "pop", "gray", "stone", "honey", "liberty", "independence", "prosperity",
	"cactus", "grant", "western", "gap", "pen", "fate", "hill", "deposit", "grants", "hay", "boom", "tame", "trim",
	"grave", "vice", "naval", "bacon", "clay", "mobile", "christmas", "pink", "combine", "pinch", "friendship",
	"superior", "landing", "globe", "sauce", "delta", "bay", "rum", "pale", "mere", "bake", "ham", "hook", "marks",
	"reform", "celebration", "haven", "maize", "union", "halfway", "republic", "comfort", "countryside", "retreat",
	"crane", "peer", "lens", "fleet", "altar", "harvest", "ward", "temple", "supreme", "toast", "burns", "halls",
	"humble", "junction", "walnut", "springs", "brilliant", "grill", "winner", "loyal", "bell", "mills", "prospect",
	"spa", "forest", "tactic", "plunge", "lame", "chamber", "paradise", "blades", "cocoa", "commerce", "assumption",
	"battlefield", "drew", "summit", "winters", "calcium", "continental", "foster", "congress", "strawberry", "hatch",
	"drain", "willow", "university", "national", "international", "general", "security", "council", "state", "city",
	"county", "news", "press", "times", "health", "office", "court", "church", "school", "hospital", "airport", "power",
	"mayor", "governor", "senate", "house", "army", "navy", "god", "lord", "christ", "bible", "internet", "ebola",
	"aids", "avian", "swine", "bird", "flu", "virus", "hospital", "medical", "clinic", "world", "global", "victory",
	"hope", "truth", "pride", "enterprise", "commerce", "industry", "carbon", "ozone", "sun", "moon", "mars", "venus",
	"pacific", "atlantic", "arctic", "eagle", "falcon", "hawk", "bison", "lion", "tiger", "mission", "vista", "plaza", "marina",
	"canyon", "lake", "river", "mount", "island", "bridge", "harbor", "harbour", "port", "fort", "camp", "station",
	"garden", "gardens", "park", "grove", "heights", "village", "town", "ridge", "creek", "falls", "point", "beach",
	"ocean", "sea", "coast", "bank", "ministry", "agency", "force", "party", "group", "company", "center", "centre",
	"chance", "hazard", "energy", "model", "ideal", "plain", "plains", "rural", "urban", "downtown", "uptown", "obama",
	"bush", "trump", "clinton", "mao", "lenin", "stalin", "kennedy", "reagan", "castro", "putin",
	"northeast", "southeast", "southwest", "northeastern", "southeastern", "gulf", "arab", "human", "drug", "drugs",
	"rodeo", "free", "toyota", "honda", "nissan", "mazda", "subaru", "google", "yahoo", "amazon",
	"over", "under", "after", "before", "above", "below", "about", "around", "more", "less", "only", "even", "still",
	"also", "then", "here", "there", "where", "when", "while", "once", "again", "ever", "never", "now", "today",
	"street", "ash", "wool", "send", "brand", "dial", "wick", "hale", "rainhill", "marsh", "moss", "heath", "field",
)

// personTitles before a name make it a person ("Sen. Clinton").
var personTitles = setOf("mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov", "governor",
	"gen", "general", "col", "colonel", "lt", "sgt", "sergeant", "capt", "captain", "cpl", "pvt", "maj", "major", "adm",
	"president", "judge", "justice", "officer", "deputy", "detective", "det", "coach", "rev", "reverend", "father",
	"sister", "brother", "pastor", "bishop", "prof", "professor", "sir", "lady", "lord", "king", "queen", "prince",
	"princess", "pope", "chief", "mayor", "commissioner", "secretary", "minister", "chairman", "councilman",
	"councilwoman", "trooper", "agent", "attorney", "dean", "principal", "superintendent", "sheriff", "uncle", "aunt",
	"saint", "st", "mister", "madam", "mrs.", "dame", "emir", "sheikh", "ayatollah", "imam", "rabbi")

// firstNames are common given names; one before a place name makes the
// whole a person ("John Paris"), and place names that are also given names
// followed by another capitalised word read as persons ("Paris Hilton").
var firstNames = setOf("john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
	"charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
	"kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob", "gary",
	"nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory",
	"alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan",
	"henry", "douglas", "zachary", "peter", "kyle", "walter", "ethan", "jeremy", "harold", "keith", "christian",
	"roger", "noah", "gerald", "carl", "terry", "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan",
	"joe", "jordan", "billy", "bruce", "albert", "willie", "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph",
	"randy", "eugene", "vincent", "russell", "elijah", "louis", "bobby", "philip", "johnny", "bill", "barack",
	"hillary", "vladimir", "francois", "françois", "angela", "nicolas", "tony", "mary", "patricia", "jennifer",
	"linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "nancy", "lisa", "betty", "margaret",
	"sandra", "ashley", "kimberly", "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa", "deborah",
	"stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna",
	"brenda", "pamela", "nicole", "emma", "samantha", "katherine", "christine", "debra", "rachel", "catherine",
	"carolyn", "janet", "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia",
	"kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha",
	"jacqueline", "frances", "gloria", "ann", "teresa", "kathryn", "sara", "janice", "jean", "alice", "madison",
	"doris", "abigail", "julia", "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa",
	"sophia", "marie", "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla", "mike",
	"jim", "tom", "dave", "bob", "steve", "chris", "dan", "ben", "sam", "nick", "matt", "jeff", "greg", "tim", "ed",
	"ahmed", "mohammed", "muhammad", "ali", "hassan", "omar", "abdul", "sergei", "dmitry", "igor", "xi", "li", "wang",
	"paris", "florence", "georgia", "chelsea", "sydney", "brooklyn", "dallas", "phoenix", "savannah", "aurora",
	"troy", "lincoln", "jackson", "washington", "houston", "clinton", "kent", "marion", "warren", "franklin",
	"hamilton", "carolina", "alexandria", "india", "china", "israel", "jamaica", "kenya", "asia", "africa", "chad",
	"orlando", "denver", "camden", "vienna", "valencia", "regina", "adelaide", "beverly", "lafayette", "salem")

// note: several entries of firstNames are places; the list is used only for
// the person rules in spot.go, never to reject a place on its own.

// regionDemonyms name the people of a region that is not a country; with
// Options.Demonyms they are read as the region.
var regionDemonyms = map[string]string{
	"abkhaz": "Abkhazia", "abkhazian": "Abkhazia", "south ossetian": "South Ossetia", "chechen": "Chechnya",
	"tibetan": "Tibet", "kashmiri": "Kashmir", "darfuri": "Darfur", "kurdish": "Kurdistan", "catalan": "Catalonia",
	"basque": "Basque Country", "scottish": "Scotland", "welsh": "Wales", "texan": "Texas", "californian": "California",
	"floridian": "Florida", "new yorker": "New York", "ontarian": "Ontario", "quebecois": "Quebec",
}

// contextDemonyms are names in extraDemonyms that point to a country as
// context but do not name its people: never reported as places.
var contextDemonyms = setOf("hamas", "taliban", "soviet", "us led", "uk")

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func (g *Gazetteer) addBuiltins() {
	for cc, names := range extraCountryNames {
		e := g.countries[cc]
		if e == nil {
			continue
		}
		for _, n := range names {
			g.add(e, n, false)
		}
	}
	for k, names := range extraADM1Names {
		if e := g.adm1[k]; e != nil {
			for _, n := range names {
				g.add(e, n, true)
			}
		}
	}
	for cc, ds := range extraDemonyms {
		for _, d := range ds {
			g.demonyms[fold(d)] = cc
		}
	}
	for _, l := range builtinPlaces {
		if l.country != "" && g.countries[l.country] == nil {
			continue
		}
		e := &Entry{Name: l.names[0], Kind: l.kind, Country: l.country, ADM1: l.adm1, Lat: l.lat, Lon: l.lon, GeoNames: l.geonames}
		switch {
		case l.kind == KindLandmark:
			e.Code = "BLDG"
		case l.geonames != 0:
			e.Code = "CONT"
		default:
			e.Code = "RGN"
		}
		for _, n := range l.names {
			g.add(e, n, false)
		}
	}
}
