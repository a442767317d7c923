package eventdedup

import (
	"sort"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// Ref names event Index of document Doc.
type Ref struct {
	Doc   string `json:"doc_id"`
	Index int    `json:"index"`
}

// Mention is one report of a clustered event.
type Mention struct {
	Ref
	// Outlet is the document's source (doc.Source), or its ID when unknown.
	Outlet string `json:"outlet"`
	// Content is the document the text comes from: the first document of
	// its near-duplicate chain (doc.NearDuplicateOf), else itself.
	Content string `json:"content"`
}

// Cluster is one real-world event and its reports.
type Cluster struct {
	ID int `json:"id"` // 0, 1, 2... in order of creation
	// Rep is the first report, whose event row stands for the cluster.
	Rep      Ref       `json:"rep"`
	Key      Key       `json:"key"` // the representative's key
	Mentions []Mention `json:"mentions"`
	// NumMentions, NumSources and NumArticles are GDELT's counts (see the
	// package documentation).
	NumMentions int `json:"num_mentions"`
	NumSources  int `json:"num_sources"`
	NumArticles int `json:"num_articles"`
}

// Assignment says which cluster event Event of an added document joined.
type Assignment struct {
	Event   int
	Cluster int  // -1 when the event is not an event (negated, uncoded)
	New     bool // the event started the cluster (it is its representative)
}

// Index clusters events incrementally. It is not safe for concurrent use.
type Index struct {
	opt      Options
	clusters map[int]*cluster
	next     int
	buckets  map[bucket][]int
	docs     map[string][]int  // doc ID → cluster per event (-1 for none)
	content  map[string]string // doc ID → content root
	stamp    int
}

// bucket is a blocking key: clusters are registered under each day they
// cover and each tag of their actors, so a report is compared only with
// clusters of its root, days and actors.
type bucket struct {
	root cameo.Root
	day  int    // day number; noDay for undated events
	tag  string // first three letters of an actor code, or allTag
}

const noDay = -1 << 31

// allTag buckets every cluster, for reports naming no actor's country;
// roleTag buckets clusters naming an actor by role alone (GOV), which a
// bare country (USA) may match.
const (
	allTag  = "*"
	roleTag = "~role"
)

// regTags are the tags a key registers its cluster under.
func regTags(k Key) []string {
	tags := []string{allTag}
	for _, a := range []cameo.ActorCode{k.Source, k.Target} {
		if len(a) >= 3 {
			tags = append(tags, string(a[:3]))
			if a.Country() == "" {
				tags = append(tags, roleTag)
			}
		}
	}
	return tags
}

// queryTags are the tags a key looks under: its actors' first three
// letters, the role parts of its actors (to meet clusters naming that side
// by its role alone: USAGOV ~ GOV) and, for a bare country, the clusters
// naming an actor by role alone (USA ~ GOV). A key with an actor named by
// role alone, or with no actor, may match any country: it looks at all
// clusters of its root and days. Blocking thus never hides a cluster the
// key is compatible with.
func queryTags(k Key) []string {
	var tags []string
	for _, a := range []cameo.ActorCode{k.Source, k.Target} {
		if a == "" {
			continue
		}
		if len(a) < 3 || a.Country() == "" {
			return []string{allTag}
		}
		tags = append(tags, string(a[:3]))
		for i := 3; i+3 <= len(a); i += 3 {
			tags = append(tags, string(a[i:i+3]))
		}
		if len(a) == 3 {
			tags = append(tags, roleTag)
		}
	}
	if len(tags) == 0 {
		return []string{allTag}
	}
	return tags
}

type cluster struct {
	Cluster
	keys   []Key // distinct keys of the members (complete link)
	lo, hi int   // date interval covered by the members
	dated  bool
	seen   int // query stamp, to visit a cluster once per query
	// hasSrc and hasTgt say whether some member names the source / target.
	hasSrc, hasTgt bool
	tags           map[string]bool // bucket tags registered
}

// NewIndex returns an empty index.
func NewIndex(opt Options) *Index {
	return &Index{
		opt:      opt,
		clusters: map[int]*cluster{},
		buckets:  map[bucket][]int{},
		docs:     map[string][]int{},
		content:  map[string]string{},
	}
}

// Len is the number of clusters held.
func (x *Index) Len() int { return len(x.clusters) }

// Add clusters the events of d and returns one Assignment per event of d,
// in order. Adding a document already added (same ID) changes nothing and
// returns its earlier assignments. d is not modified.
func (x *Index) Add(d *doc.Document) []Assignment {
	if d == nil {
		return nil
	}
	id := docKey(d)
	if prev, ok := x.docs[id]; ok {
		out := make([]Assignment, len(prev))
		for i, c := range prev {
			out[i] = Assignment{Event: i, Cluster: c}
			if cl := x.clusters[c]; cl != nil && cl.Rep == (Ref{id, i}) {
				out[i].New = true
			}
		}
		return out
	}
	keys := make([]Key, len(d.Events))
	ok := make([]bool, len(d.Events))
	for i := range d.Events {
		keys[i], ok[i] = KeyOf(d, i)
	}
	return x.addKeys(id, d.Source, d.NearDuplicateOf, keys, ok)
}

// addKeys clusters the events of one document given as keys (ok[i] false:
// not an event).
func (x *Index) addKeys(id, outlet, near string, keys []Key, ok []bool) []Assignment {
	content := id
	if near != "" && near != id {
		content = near
		if r, found := x.content[content]; found {
			content = r
		}
	}
	x.content[id] = content
	if outlet == "" {
		outlet = id
	}
	ids := make([]int, len(keys))
	out := make([]Assignment, len(keys))
	for i, k := range keys {
		ids[i] = -1
		out[i] = Assignment{Event: i, Cluster: -1}
		if !ok[i] {
			continue
		}
		m := Mention{Ref: Ref{id, i}, Outlet: outlet, Content: content}
		c := x.best(k)
		if c == nil {
			c = x.create(k, m.Ref)
			out[i].New = true
		}
		x.join(c, k, m)
		ids[i], out[i].Cluster = c.ID, c.ID
	}
	x.docs[id] = ids
	return out
}

func docKey(d *doc.Document) string {
	if d.ID != "" {
		return d.ID
	}
	return "url:" + d.URL + "#" + d.Title
}

// candidates calls fn once on every cluster sharing a bucket with k.
func (x *Index) candidates(k Key, fn func(*cluster)) {
	x.stamp++
	visit := func(b bucket) {
		for _, id := range x.buckets[b] {
			c := x.clusters[id]
			if c == nil || c.seen == x.stamp {
				continue
			}
			c.seen = x.stamp
			fn(c)
		}
	}
	tags := queryTags(k)
	if !k.HasDate {
		for _, t := range tags {
			visit(bucket{k.Root, noDay, t})
		}
		return
	}
	w := x.opt.days()
	for day := k.From - w; day <= k.To+w; day++ {
		for _, t := range tags {
			visit(bucket{k.Root, day, t})
		}
	}
}

// best returns the compatible cluster with the highest score, or nil. A
// report that fits two clusters which cannot be one event (say, the same
// action by the same actors in two cities, and the report names only the
// country) is ambiguous: it joins neither, so that it cannot merge two
// events by mistake.
func (x *Index) best(k Key) *cluster {
	var best, second *cluster
	bestScore, secondScore := 0.0, 0.0
	x.candidates(k, func(c *cluster) {
		for _, o := range c.keys {
			if !compatible(k, o, x.opt, false) {
				return
			}
		}
		// One actor side must be known on the event and on the cluster.
		if !(k.Source != "" && c.hasSrc || k.Target != "" && c.hasTgt ||
			(k.Symmetric || c.Key.Symmetric) && (k.Source != "" && c.hasTgt || k.Target != "" && c.hasSrc)) {
			return
		}
		s := score(k, c.Key)
		switch {
		case best == nil || s > bestScore || s == bestScore && c.ID < best.ID:
			best, bestScore, second, secondScore = c, s, best, bestScore
		case second == nil || s > secondScore:
			second, secondScore = c, s
		}
	})
	if best != nil && second != nil && bestScore-secondScore < ambiguity && !clustersCompatible(best, second, x.opt) {
		return nil
	}
	return best
}

// ambiguity is the score margin under which two fitting clusters leave a
// report ambiguous.
const ambiguity = 1.0

// clustersCompatible reports whether every key of a fits every key of b.
func clustersCompatible(a, b *cluster, opt Options) bool {
	for _, ka := range a.keys {
		for _, kb := range b.keys {
			if !compatible(ka, kb, opt, false) {
				return false
			}
		}
	}
	return true
}

func (x *Index) create(k Key, rep Ref) *cluster {
	c := &cluster{Cluster: Cluster{ID: x.next, Rep: rep, Key: k}, lo: k.From, hi: k.To, dated: k.HasDate}
	x.next++
	x.clusters[c.ID] = c
	return c
}

// maxKeys bounds the distinct keys a cluster compares against.
const maxKeys = 64

func (x *Index) join(c *cluster, k Key, m Mention) {
	dup := false
	for _, o := range c.keys {
		if o == k {
			dup = true
			break
		}
	}
	if !dup && len(c.keys) < maxKeys {
		c.keys = append(c.keys, k)
	}
	x.register(c, k)
	c.hasSrc = c.hasSrc || k.Source != ""
	c.hasTgt = c.hasTgt || k.Target != ""
	c.Mentions = append(c.Mentions, m)
	c.count()
}

// register adds c to the buckets of the days and tags k brings to it.
func (x *Index) register(c *cluster, k Key) {
	add := func(day int, tag string) {
		b := bucket{k.Root, day, tag}
		x.buckets[b] = append(x.buckets[b], c.ID)
	}
	first := len(c.Mentions) == 0
	if c.tags == nil {
		c.tags = map[string]bool{}
	}
	var newTags []string
	for _, t := range regTags(k) {
		if !c.tags[t] {
			c.tags[t] = true
			newTags = append(newTags, t)
		}
	}
	if !k.HasDate {
		for _, t := range newTags {
			add(noDay, t)
		}
		return
	}
	lo, hi := min(c.lo, k.From), max(c.hi, k.To)
	for day := lo; day <= hi; day++ {
		covered := !first && day >= c.lo && day <= c.hi
		for t := range c.tags {
			isNew := false
			for _, n := range newTags {
				if n == t {
					isNew = true
				}
			}
			if !covered || isNew {
				add(day, t)
			}
		}
	}
	c.lo, c.hi = lo, hi
}

// count recomputes the GDELT counts of c.
func (c *cluster) count() {
	c.NumMentions = len(c.Mentions)
	arts := map[string]bool{}
	parent := map[string]string{}
	var find func(string) string
	find = func(s string) string {
		p, ok := parent[s]
		if !ok || p == s {
			parent[s] = s
			return s
		}
		r := find(p)
		parent[s] = r
		return r
	}
	for _, m := range c.Mentions {
		arts[m.Doc] = true
		a, b := find("o\x00"+m.Outlet), find("c\x00"+m.Content)
		if a != b {
			parent[a] = b
		}
	}
	roots := map[string]bool{}
	for _, m := range c.Mentions {
		roots[find("o\x00"+m.Outlet)] = true
	}
	c.NumArticles = len(arts)
	c.NumSources = len(roots)
}

// Cluster returns a copy of cluster id.
func (x *Index) Cluster(id int) (Cluster, bool) {
	c, ok := x.clusters[id]
	if !ok {
		return Cluster{}, false
	}
	out := c.Cluster
	out.Mentions = append([]Mention(nil), c.Mentions...)
	return out, true
}

// Clusters returns copies of all clusters held, by ID.
func (x *Index) Clusters() []Cluster {
	ids := make([]int, 0, len(x.clusters))
	for id := range x.clusters {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	out := make([]Cluster, 0, len(ids))
	for _, id := range ids {
		c, _ := x.Cluster(id)
		out = append(out, c)
	}
	return out
}

// Assignments returns the cluster of each event of an added document
// (-1 for non-events), or nil when the document was not added.
func (x *Index) Assignments(docID string) []int {
	a, ok := x.docs[docID]
	if !ok {
		return nil
	}
	return append([]int(nil), a...)
}

// Prune forgets dated clusters whose latest date is before day (YYYY-MM-DD),
// and the documents all of whose events were in them, so that a long-running
// index keeps only the window new reports can still join. It returns the
// number of clusters dropped.
func (x *Index) Prune(day string) int {
	cut, _, ok := dateRange(day)
	if !ok {
		return 0
	}
	dropped := map[int]bool{}
	for id, c := range x.clusters {
		if c.dated && c.hi < cut-x.opt.days() {
			dropped[id] = true
			delete(x.clusters, id)
		}
	}
	if len(dropped) == 0 {
		return 0
	}
	for b, ids := range x.buckets {
		keep := ids[:0]
		for _, id := range ids {
			if !dropped[id] {
				keep = append(keep, id)
			}
		}
		if len(keep) == 0 {
			delete(x.buckets, b)
		} else {
			x.buckets[b] = keep
		}
	}
	for id, cs := range x.docs {
		live := false
		for _, c := range cs {
			if c >= 0 && !dropped[c] {
				if _, ok := x.clusters[c]; ok {
					live = true
					break
				}
			}
		}
		if !live {
			delete(x.docs, id)
			// A later copy of id then uses id itself as its content root,
			// which is the same root unless id was itself a copy.
			delete(x.content, id)
		}
	}
	return len(dropped)
}
