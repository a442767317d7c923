package coder

import (
	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// ActorMatch is one actor mention in a sentence, in the shape of
// actors.Match: Start/End are token indices in the sentence (End
// exclusive), Span the byte span in the document text. Kind is one of
// "person", "country", "metonym", "agent", "igo", "ngo", "group", "party",
// "unknown".
type ActorMatch struct {
	Start, End int
	Span       doc.Span
	Text       string
	Entity     string
	Code       cameo.ActorCode
	Kind       string
}
