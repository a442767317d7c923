package watch

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// State remembers, per watched URL, the validators of the last response
// (for conditional GETs) and the feed entries already ingested, so that a
// restarted watcher neither refetches unchanged feeds in full nor ingests
// an entry twice. It is saved as a small JSON file after every poll that
// changed it. The zero path keeps it in memory only.
type State struct {
	path   string
	mu     sync.Mutex // guards data
	saveMu sync.Mutex // one Save at a time, so the newest snapshot lands last
	data   stateFile
}

type stateFile struct {
	Version int                     `json:"version"`
	Sources map[string]*sourceState `json:"sources"`
}

type sourceState struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// Hash is a hash of the last page body, for pages served without
	// validators.
	Hash string `json:"hash,omitempty"`
	// Seen lists the keys (link or content hash) of ingested entries,
	// oldest first, at most maxSeen.
	Seen []string `json:"seen,omitempty"`

	seen map[string]bool
}

// maxSeen bounds the remembered entries of one feed; it is far above the
// length of any feed, so an entry still listed is never forgotten.
const maxSeen = 5000

const stateVersion = 1

// OpenState loads the state file at path (a missing file is an empty
// state). An empty path gives an in-memory state.
func OpenState(path string) (*State, error) {
	s := &State{path: path, data: stateFile{Version: stateVersion, Sources: map[string]*sourceState{}}}
	if path == "" {
		return s, nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("watch state: %w", err)
	}
	if err := json.Unmarshal(b, &s.data); err != nil {
		return nil, fmt.Errorf("watch state %s: %w", path, err)
	}
	if s.data.Version > stateVersion {
		return nil, fmt.Errorf("watch state %s: version %d is newer than this program's %d", path, s.data.Version, stateVersion)
	}
	if s.data.Sources == nil {
		s.data.Sources = map[string]*sourceState{}
	}
	for _, src := range s.data.Sources {
		src.index()
	}
	return s, nil
}

func (ss *sourceState) index() {
	ss.seen = make(map[string]bool, len(ss.Seen))
	for _, k := range ss.Seen {
		ss.seen[k] = true
	}
}

// get returns a copy of the validators of u.
func (s *State) validators(u string) (etag, lastMod, hash string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ss := s.data.Sources[u]; ss != nil {
		return ss.ETag, ss.LastModified, ss.Hash
	}
	return "", "", ""
}

func (s *State) source(u string) *sourceState {
	ss := s.data.Sources[u]
	if ss == nil {
		ss = &sourceState{seen: map[string]bool{}}
		s.data.Sources[u] = ss
	}
	return ss
}

func (s *State) setValidators(u, etag, lastMod, hash string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ss := s.source(u)
	ss.ETag, ss.LastModified, ss.Hash = etag, lastMod, hash
}

// Seen reports whether entry key of feed u was ingested.
func (s *State) Seen(u, key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	ss := s.data.Sources[u]
	return ss != nil && ss.seen[key]
}

func (s *State) markSeen(u string, keys []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ss := s.source(u)
	for _, k := range keys {
		if ss.seen[k] {
			continue
		}
		ss.seen[k] = true
		ss.Seen = append(ss.Seen, k)
	}
	if extra := len(ss.Seen) - maxSeen; extra > 0 {
		for _, k := range ss.Seen[:extra] {
			delete(ss.seen, k)
		}
		ss.Seen = append([]string(nil), ss.Seen[extra:]...)
	}
}

// Save writes the state file (atomically: a crash leaves the old or the
// new file, never half of one).
func (s *State) Save() error {
	if s.path == "" {
		return nil
	}
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	s.mu.Lock()
	b, err := json.Marshal(&s.data)
	s.mu.Unlock()
	if err != nil {
		return fmt.Errorf("watch state: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.path), "."+filepath.Base(s.path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("watch state: %w", err)
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), s.path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("watch state: %w", werr)
	}
	return nil
}
