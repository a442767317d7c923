// Package models embeds eventwire's trained NLP weights (tagger, parser,
// NER, lemmatizer). The files are produced by `eventwire train`; see
// README.md in this folder for the commands that rebuild them.
package models

import "embed"

// FS holds the model files.
//
//go:embed *.json *.gz
var FS embed.FS
