package store

// DocInfo is the header of a stored document with its number of events:
// what a list of documents shows without decoding whole documents.
type DocInfo struct {
	ID      string `json:"id"`
	URL     string `json:"url,omitempty"`
	Source  string `json:"source,omitempty"`
	Title   string `json:"title"`
	PubDate string `json:"pubdate,omitempty"`
	Events  int64  `json:"events"`
}

// PlaceQuads is a PlaceCount with its events split by QuadClass
// (Quad[1]..Quad[4]; Quad[0] counts events without a quad class).
type PlaceQuads struct {
	PlaceCount
	Quad [5]int64 `json:"quad"`
}
