package coder

import "github.com/eventwire/eventwire/internal/actors"

// ActorMatch is one actor mention in a sentence (actors.Match): Start/End
// are token indices in the sentence (End exclusive), Span the byte span in
// the document text, Kind one of "person", "country", "metonym", "agent",
// "igo", "ngo", "group", "party", "unknown".
type ActorMatch = actors.Match
