package actors

// ambiguousSurnames are surnames of dictionary people that are also common
// surnames or first names in English-language news, place names or plain
// words ("Harris", "Kerry", "Bolton", "Bush", "Sessions"). Written alone
// they name the dictionary person only with a title or country next to
// them ("Secretary Kerry", "US Vice President Harris"); Scan leaves a bare
// one out, and the resolve package links it to a full name given earlier
// in the document instead. Keys are normalized (lower case, no accents).
var ambiguousSurnames = map[string]bool{
	"abbas": true, "adams": true, "allen": true, "ashton": true, "baker": true, "barak": true,
	"blair": true, "bolton": true, "boris": true, "brown": true, "bush": true, "cameron": true,
	"carney": true, "castro": true, "cheney": true, "clark": true, "conte": true, "davis": true,
	"dempsey": true, "fallon": true, "garland": true, "graham": true, "hamilton": true,
	"hammond": true, "harper": true, "harris": true, "healey": true, "hill": true, "holder": true,
	"jackson": true, "johnson": true, "jones": true, "kelly": true, "kennedy": true, "kerry": true,
	"king": true, "lee": true, "long": true, "marcos": true, "martin": true, "meade": true,
	"miller": true, "monti": true, "moon": true, "moore": true, "musk": false, "noda": false,
	"petro": true, "powell": true, "price": true, "rice": true, "rudd": true, "scott": true,
	"sessions": true, "smith": true, "straw": true, "taylor": true, "thomas": true, "truss": true,
	"turner": true, "vance": true, "walker": true, "waltz": true, "white": true, "williams": true,
	"wilson": true, "wright": true, "young": true, "hillary": true, "bibi": true, "dilma": true,
	"lula": false, "wray": true, "pence": false, "marles": false, "raab": false, "gallant": true,
	"joly": true, "sadr": false, "machado": true, "barrot": false, "hague": true, "mueller": true,
	"abe": true, "kono": true, "moreno": true, "lopez": true, "garcia": true, "hernandez": true,
	"gonzalez": true, "rodriguez": true, "martinez": true, "perez": true, "sanchez": true,
}

// ambiguousSurname reports whether a one-word person alias with key k
// needs a title or a full name to be taken as the dictionary person.
func ambiguousSurname(k string) bool { return ambiguousSurnames[k] }

// AmbiguousName reports whether a one-word name is one of the dictionary
// surnames that are too common to name the dictionary person alone
// ("Harris", "Kerry"); Lookup still resolves it, Scan does not.
func AmbiguousName(name string) bool {
	ws := words(name)
	if len(ws) != 1 {
		return false
	}
	w, _ := stripPossessive(ws[0])
	return ambiguousSurname(key(w))
}
