package ner

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"sort"
	"strings"
)

// Gazetteer categories (bit flags). A name may be in several.
const (
	GCountry   = 1 << iota // country names and aliases
	GCity                  // populated places (mid-sized)
	GRegion                // first-order divisions, continents, regions
	GDemonym               // "French", "Americans"
	GFirstName             // given names
	GLeader                // surnames of well-known people
	GOrgWord               // words that end organization names ("Inc.", "Ministry")
	GTitle                 // titles before a name ("President", "Mr.")
	GOrg                   // organizations, parties, armed groups, media
	GBigCity               // cities of 100,000 people or more, capitals
	GPerson                // full names of well-known people
	GBrand                 // companies and brands (shops, restaurants, banks)
	nGaz       = iota
)

// gazCats names the categories in gazetteer files.
var gazCats = []string{"country", "city", "region", "demonym", "first", "surname", "orgword", "title", "org", "bigcity", "person", "brand"}

// GazCategory returns the category bit of a name used in gazetteer files.
func GazCategory(name string) (int, bool) {
	for i, c := range gazCats {
		if c == name {
			return 1 << i, true
		}
	}
	return 0, false
}

// maxGazLen is the longest name (in tokens) a gazetteer matches.
const maxGazLen = 8

// Gazetteer is a set of names (token sequences) with categories.
type Gazetteer struct {
	names map[string]uint32 // space-joined tokens -> categories
}

// NewGazetteer returns a gazetteer holding the built-in lists.
func NewGazetteer() *Gazetteer {
	g := &Gazetteer{names: map[string]uint32{}}
	for cat, list := range builtin {
		for _, e := range strings.Split(list, "|") {
			g.Add(cat, strings.Fields(e))
		}
	}
	return g
}

// Add adds a name, given as tokens, to category cat.
func (g *Gazetteer) Add(cat int, tokens []string) {
	if len(tokens) == 0 || len(tokens) > maxGazLen {
		return
	}
	for _, t := range tokens {
		if t == "" || strings.ContainsAny(t, " \t\n") {
			return
		}
	}
	g.names[strings.Join(tokens, " ")] |= uint32(cat)
}

// Len is the number of names.
func (g *Gazetteer) Len() int { return len(g.names) }

const gazHeader = "#eventwire-ner-gazetteer 1"

// Write stores the gazetteer gzip-compressed, one "category<TAB>name" line
// per name and category, sorted.
func (g *Gazetteer) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, gazHeader)
	keys := make([]string, 0, len(g.names))
	for k := range g.names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for ci, c := range gazCats {
		for _, k := range keys {
			if g.names[k]&(1<<ci) != 0 {
				fmt.Fprintf(bw, "%s\t%s\n", c, k)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadGazetteer loads a gazetteer written by Write, on top of the built-in
// lists. It also returns a checksum of the file's text.
func ReadGazetteer(r io.Reader) (*Gazetteer, string, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, "", fmt.Errorf("ner gazetteer: %w", err)
	}
	defer zr.Close()
	g := NewGazetteer()
	h := fnv.New64a()
	sc := bufio.NewScanner(io.TeeReader(zr, h))
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		l := sc.Text()
		if ln == 1 {
			if l != gazHeader {
				return nil, "", errors.New("ner gazetteer: line 1: not a gazetteer file")
			}
			continue
		}
		c, name, ok := strings.Cut(l, "\t")
		cat, okc := GazCategory(c)
		if !ok || !okc {
			return nil, "", fmt.Errorf("ner gazetteer: line %d: want category<TAB>name", ln)
		}
		g.Add(cat, strings.Split(name, " "))
	}
	if err := sc.Err(); err != nil {
		return nil, "", fmt.Errorf("ner gazetteer: line %d: %w", ln, err)
	}
	return g, fmt.Sprintf("%016x", h.Sum64()), nil
}

// builtin is our own small hand-written gazetteer; entries are
// space-separated tokens as the tokenizer yields them.
var builtin = map[int]string{
	GCountry:   `Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Macedonia|Norway|Oman|Pakistan|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|Britain|Great Britain|England|Scotland|Wales|United States|United States of America|US|U.S.|USA|America|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Gaza|West Bank|Crimea|Kurdistan|Tibet|Hong Kong|Puerto Rico|Greenland`,
	GCity:      `Paris|London|Moscow|Washington|Beijing|Tokyo|Berlin|Rome|Madrid|Kiev|Kyiv|Baghdad|Damascus|Tehran|Cairo|Jerusalem|Tel Aviv|Ankara|Istanbul|Riyadh|Dubai|Doha|Kabul|Islamabad|Karachi|Lahore|New Delhi|Delhi|Mumbai|Bangalore|Kolkata|Dhaka|Bangkok|Jakarta|Manila|Seoul|Pyongyang|Shanghai|Hong Kong|Taipei|Singapore|Sydney|Melbourne|Canberra|Auckland|Toronto|Montreal|Vancouver|Ottawa|Mexico City|Havana|Caracas|Bogota|Lima|Santiago|Buenos Aires|Sao Paulo|Rio de Janeiro|Brasilia|New York|New York City|Los Angeles|Chicago|Houston|Boston|Philadelphia|San Francisco|Seattle|Miami|Atlanta|Dallas|Detroit|Denver|Phoenix|Las Vegas|San Diego|Baltimore|New Orleans|Brussels|Amsterdam|Geneva|Zurich|Vienna|Prague|Warsaw|Budapest|Bucharest|Athens|Lisbon|Dublin|Edinburgh|Manchester|Stockholm|Oslo|Copenhagen|Helsinki|Minsk|Tbilisi|Baku|Yerevan|Beirut|Amman|Aleppo|Homs|Mosul|Raqqa|Fallujah|Basra|Kandahar|Tripoli|Benghazi|Tunis|Algiers|Rabat|Casablanca|Khartoum|Addis Ababa|Nairobi|Mogadishu|Lagos|Abuja|Accra|Dakar|Kinshasa|Johannesburg|Cape Town|Pretoria|Harare|Kampala|Kigali|Sanaa|Aden|Muscat|Abu Dhabi|Kuwait City|Hanoi|Ho Chi Minh City|Kuala Lumpur|Yangon|Colombo|Kathmandu|Marseille|Lyon|Nice|Munich|Frankfurt|Hamburg|Milan|Naples|Barcelona|St. Petersburg|Sochi|Odessa|Donetsk|Luhansk|Sevastopol|Gaza City|Ramallah|Hebron|Strasbourg|The Hague|Davos|Vienna`,
	GRegion:    `Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|Alberta|British Columbia|Bavaria|Catalonia|Kashmir|Punjab|Darfur|Sinai|Donbas|Chechnya|Siberia|Xinjiang|Europe|Asia|Africa|North America|South America|Latin America|Middle East|Central Asia|Southeast Asia|Balkans|Caribbean|Scandinavia|Pacific|Atlantic|Mediterranean|Arctic|Antarctica|Persian Gulf|Gulf|Red Sea|Black Sea|Baltic|Golan Heights|Silicon Valley|Wall Street|Capitol Hill|White House|Kremlin|Pentagon|Downing Street|Elysee|Manhattan|Brooklyn`,
	GDemonym:   `American|Americans|British|French|German|Germans|Russian|Russians|Chinese|Japanese|Syrian|Syrians|Iraqi|Iraqis|Iranian|Iranians|Israeli|Israelis|Palestinian|Palestinians|Turkish|Turks|Egyptian|Egyptians|Saudi|Saudis|Afghan|Afghans|Pakistani|Pakistanis|Indian|Indians|Korean|Koreans|Ukrainian|Ukrainians|Italian|Italians|Spanish|Mexican|Mexicans|Canadian|Canadians|Australian|Australians|European|Europeans|African|Africans|Arab|Arabs|Kurdish|Kurds|Libyan|Libyans|Yemeni|Lebanese|Jordanian|Qatari|Emirati|Nigerian|Kenyan|Somali|Ethiopian|Sudanese|Brazilian|Argentine|Argentinian|Venezuelan|Colombian|Cuban|Polish|Greek|Dutch|Belgian|Swiss|Swedish|Norwegian|Danish|Finnish|Irish|Scottish|Welsh|English|Portuguese|Austrian|Hungarian|Czech|Romanian|Serbian|Croatian|Bosnian|Georgian|Armenian|Belarusian|Chechen|Vietnamese|Thai|Filipino|Indonesian|Malaysian|Burmese|Tibetan|Uighur|Taliban|Sunni|Shiite|Shia|Muslim|Muslims|Christian|Christians|Jewish|Jews|Catholic|Republican|Republicans|Democrat|Democrats|Democratic|Western|Soviet`,
	GFirstName: `Barack|Michelle|Joe|Donald|Hillary|Bill|George|John|James|Robert|Michael|David|William|Richard|Thomas|Charles|Daniel|Matthew|Anthony|Mark|Paul|Steven|Andrew|Kenneth|Joshua|Kevin|Brian|Edward|Ronald|Timothy|Jason|Jeffrey|Ryan|Jacob|Gary|Nicholas|Eric|Jonathan|Stephen|Larry|Justin|Scott|Brandon|Benjamin|Samuel|Frank|Gregory|Raymond|Alexander|Patrick|Jack|Dennis|Jerry|Tyler|Aaron|Jose|Henry|Adam|Douglas|Nathan|Peter|Zachary|Kyle|Walter|Harold|Jeremy|Ethan|Carl|Keith|Roger|Gerald|Christian|Terry|Sean|Arthur|Austin|Noah|Lawrence|Jesse|Joe|Bryan|Billy|Jordan|Albert|Dylan|Bruce|Willie|Gabriel|Alan|Juan|Logan|Wayne|Ralph|Roy|Eugene|Randy|Vincent|Russell|Louis|Philip|Bobby|Johnny|Bradley|Mary|Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|Jessica|Sarah|Karen|Nancy|Lisa|Betty|Margaret|Sandra|Ashley|Kimberly|Emily|Donna|Carol|Ruth|Sharon|Laura|Cynthia|Kathleen|Amy|Angela|Anna|Rebecca|Virginia|Kathryn|Pamela|Martha|Debra|Amanda|Stephanie|Carolyn|Christine|Marie|Janet|Catherine|Frances|Ann|Joyce|Diane|Alice|Julie|Heather|Teresa|Doris|Gloria|Evelyn|Jean|Cheryl|Mildred|Katherine|Joan|Judith|Rose|Janice|Kelly|Nicole|Judy|Christina|Kathy|Theresa|Beverly|Denise|Tammy|Irene|Jane|Lori|Rachel|Marilyn|Andrea|Kathryn|Louise|Sara|Anne|Jacqueline|Wanda|Bonnie|Julia|Ruby|Lois|Tina|Phyllis|Norma|Paula|Diana|Annie|Lillian|Emily|Robin|Peggy|Crystal|Gladys|Rita|Dawn|Connie|Florence|Tracy|Edna|Tiffany|Carmen|Rosa|Cindy|Grace|Wendy|Victoria|Edith|Kim|Sherry|Sylvia|Josephine|Thelma|Shannon|Sheila|Ethel|Ellen|Elaine|Marjorie|Carrie|Charlotte|Monica|Esther|Pauline|Emma|Juanita|Anita|Rhonda|Hazel|Amber|Eva|Debbie|April|Leslie|Clara|Lucille|Jamie|Joanne|Eleanor|Valerie|Danielle|Megan|Alicia|Suzanne|Michele|Gail|Bertha|Darlene|Veronica|Jill|Erin|Geraldine|Lauren|Cathy|Joann|Lorraine|Lynn|Sally|Regina|Erica|Beatrice|Dolores|Bernice|Audrey|Yvonne|Annette|June|Samantha|Marion|Dana|Stacy|Ana|Renee|Ida|Vivian|Roberta|Holly|Brittany|Melanie|Loretta|Yolanda|Jeanette|Laurie|Katie|Kristen|Vanessa|Alma|Sue|Elsie|Beth|Jeanne|Vladimir|Francois|Angela|Emmanuel|Nicolas|Sergei|Sergey|Dmitry|Bashar|Recep|Tayyip|Xi|Narendra|Shinzo|Benjamin|Mahmoud|Hassan|Ali|Mohammed|Muhammad|Ahmed|Abdul|Abu|Omar|Osama|Ayman|Kim|Moon|Theresa|Boris|Justin|Jacinda|Olaf|Ursula|Jens|Antonio|Ban|Kofi|Tony|Gordon|David|Nicola|Marine|Jean|Pierre|Jacques|Alexei|Mikhail|Volodymyr|Petro|Viktor|Silvio|Matteo|Mario|Pedro|Luiz|Jair|Andres|Manuel|Hugo|Fidel|Raul|Nelson|Jacob|Cyril|Robert|Ashraf|Imran|Nawaz|Rahul|Sonia|Indira|Pope|Francis|Elon|Mark|Jeff|Warren|Tim|Satya|Sundar`,
	GLeader:    `Obama|Biden|Trump|Clinton|Bush|Reagan|Carter|Nixon|Kennedy|Putin|Medvedev|Lavrov|Shoigu|Peskov|Hollande|Macron|Sarkozy|Chirac|Fabius|Valls|Merkel|Scholz|Steinmeier|Cameron|Blair|Brown|May|Johnson|Sunak|Starmer|Corbyn|Assad|Erdogan|Davutoglu|Netanyahu|Abbas|Rouhani|Khamenei|Zarif|Ahmadinejad|Raisi|Sisi|Mubarak|Morsi|Gaddafi|Qaddafi|Saddam|Hussein|Maliki|Abadi|Baghdadi|Zawahiri|Ghani|Karzai|Sharif|Khan|Modi|Gandhi|Singh|Xi|Jinping|Hu|Jintao|Li|Keqiang|Abe|Kishida|Park|Moon|Jong-un|Yoon|Duterte|Widodo|Jokowi|Turnbull|Morrison|Albanese|Trudeau|Harper|Castro|Chavez|Maduro|Guaido|Lula|Bolsonaro|Rousseff|Temer|Macri|Milei|Kirchner|Zelensky|Zelenskyy|Poroshenko|Yanukovych|Lukashenko|Orban|Renzi|Berlusconi|Meloni|Draghi|Conte|Rajoy|Sanchez|Tsipras|Juncker|Tusk|Barroso|Stoltenberg|Guterres|Annan|Ban|Kerry|Pompeo|Tillerson|Blinken|Rice|Powell|Hagel|Carter|Mattis|Austin|Rumsfeld|Cheney|Pence|Harris|McConnell|Pelosi|Boehner|Ryan|Schumer|McCain|Graham|Rubio|Cruz|Sanders|Warren|Kasich|Christie|Carson|Fiorina|Huckabee|Romney|Francis|Benedict|Mandela|Zuma|Ramaphosa|Mugabe|Kagame|Museveni|Kenyatta|Buhari|Netanyahu|Lapid|Bennett|Gantz|Nasrallah|Haniyeh|Sinwar|Salman|Zelenskiy|Navalny|Prigozhin|Kadyrov`,
	GOrgWord:   `Inc.|Inc|Corp.|Corp|Corporation|Co.|Company|Ltd|Ltd.|LLC|Group|Holdings|Bank|Party|Ministry|Department|Council|Committee|Commission|Agency|Association|Union|University|College|Institute|Foundation|Organization|Organisation|Federation|League|Army|Navy|Force|Forces|Guard|Police|Court|Parliament|Congress|Senate|Assembly|Office|Bureau|Service|Services|Authority|Airlines|Airways|Times|Post|News|Journal|Press|Network|Club|Church|Fund|Society|Front|Brigade|Brigades|Movement|Alliance|Coalition|Industries|Technologies|Systems|Motors|Energy|Media|Television|Radio|Hospital|School|Center|Centre`,
	GTitle:     `President|Mr.|Mrs.|Ms.|Dr.|Prof.|Sen.|Rep.|Gov.|Gen.|Col.|Lt.|Sgt.|Capt.|Minister|Prime|Secretary|Senator|Governor|Chancellor|King|Queen|Prince|Princess|Sheikh|Ayatollah|Pope|Mayor|Ambassador|Chairman|CEO|Director|Spokesman|Spokeswoman|General|Commander|Judge|Justice|Sir|Lord|Lady|Rev.|Father|Saint|St.|Vice|Deputy|Foreign|Defense|Defence|Leader|Premier|Emir|Sultan|Crown`,
	GOrg:       `UN|U.N.|United Nations|NATO|EU|European Union|European Commission|IMF|World Bank|WHO|World Health Organization|UNESCO|UNICEF|UNHCR|OPEC|OSCE|ASEAN|African Union|Arab League|G7|G20|WTO|Red Cross|Amnesty International|Human Rights Watch|Greenpeace|ISIS|ISIL|IS|Islamic State|Daesh|al-Qaeda|al Qaeda|Al Qaeda|Qaeda|Hezbollah|Hamas|Taliban|Boko Haram|al-Shabab|Al-Shabaab|PKK|YPG|Free Syrian Army|Pentagon|FBI|CIA|NSA|NASA|FDA|EPA|DHS|DOJ|IRS|SEC|Fed|Federal Reserve|Congress|Senate|Supreme Court|State Department|Justice Department|Defense Department|Foreign Office|Home Office|Scotland Yard|Interpol|Europol|CNN|BBC|Reuters|AP|Associated Press|AFP|Fox News|MSNBC|NBC|ABC|CBS|NPR|Al Jazeera|New York Times|Washington Post|Wall Street Journal|Guardian|Times|Bloomberg|Google|Apple|Microsoft|Amazon|Facebook|Meta|Twitter|Tesla|IBM|Intel|Samsung|Sony|Toyota|Boeing|Airbus|Exxon|ExxonMobil|Shell|BP|Gazprom|Rosneft|Walmart|Enron|Yahoo|eBay|Netflix|Uber|Democratic Party|Republican Party|GOP|Labour|Conservative Party|Tories|Likud|Fatah|Kurdistan Workers' Party`,
}
