// Package queue is eventwire's work distribution for the distributed mode:
// a NATS JetStream stream of documents to process, shared by any number of
// workers that run the pipeline and write to one store.
//
//   - Publish turns ingested items into JSON messages on subject
//     eventwire.docs of stream EVENTWIRE_DOCS (work-queue retention: a
//     message is removed once a worker acks it). The message ID is the
//     content hash, so JetStream drops a re-published copy within its
//     duplicate window.
//   - Workers share one durable pull consumer. A Worker fetches a batch,
//     runs the pipeline, writes the batch in one store transaction, and only
//     then acks each message: at-least-once delivery plus idempotent writes
//     (store.Put skips stored IDs) give exactly-once results.
//   - While a batch is in hand the worker tells the server it is still
//     working (InProgress), so AckWait only expires for a dead worker.
//   - A message that cannot be processed (undecodable, no text, a pipeline
//     panic or timeout at its last delivery, a document the store refuses)
//     goes to the dead-letter subject eventwire.dlq (stream EVENTWIRE_DLQ)
//     with its error and is terminated; it never blocks the stream. A
//     message that exhausts its deliveries because workers died on it is
//     moved there too, from the server's max-deliveries advisory.
//   - Transient store errors (database restarting) are retried in place,
//     then the batch is negatively acknowledged with a delay.
package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/eventwire/eventwire/internal/ingest"
)

// Defaults of Config.
const (
	DefaultStream     = "EVENTWIRE_DOCS"
	DefaultSubject    = "eventwire.docs"
	DefaultDLQStream  = "EVENTWIRE_DLQ"
	DefaultDLQSubject = "eventwire.dlq"
	DefaultConsumer   = "eventwire-workers"
	DefaultAckWait    = 60 * time.Second
	DefaultMaxDeliver = 5
	DefaultDuplicates = 20 * time.Minute
)

// Config names the stream and sets its delivery policy. The zero value
// (plus URL) is ready to use; all processes sharing a stream must agree.
type Config struct {
	URL        string // nats://host:4222
	Stream     string
	Subject    string
	DLQStream  string
	DLQSubject string
	Consumer   string // durable pull consumer shared by the workers
	// Memory keeps the streams in memory instead of files.
	Memory bool
	// AckWait is how long a delivered message may go without an ack or a
	// progress report before the server redelivers it.
	AckWait time.Duration
	// MaxDeliver is how many times a message is delivered before it is
	// given up on (sent to the dead-letter stream).
	MaxDeliver int
	// Duplicates is JetStream's duplicate-detection window for message IDs.
	Duplicates time.Duration
	// Name identifies this client in the server's monitoring.
	Name string
}

func (c *Config) defaults() {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&c.Stream, DefaultStream)
	def(&c.Subject, DefaultSubject)
	def(&c.DLQStream, DefaultDLQStream)
	def(&c.DLQSubject, DefaultDLQSubject)
	def(&c.Consumer, DefaultConsumer)
	def(&c.Name, "eventwire")
	if c.AckWait <= 0 {
		c.AckWait = DefaultAckWait
	}
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = DefaultMaxDeliver
	}
	if c.Duplicates <= 0 {
		c.Duplicates = DefaultDuplicates
	}
}

// Queue is a connection to the document stream.
type Queue struct {
	cfg    Config
	nc     *nats.Conn
	js     jetstream.JetStream
	stream jetstream.Stream
}

// IsURL reports whether s names a NATS server.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "nats://") || strings.HasPrefix(s, "tls://")
}

// Connect connects to the server at cfg.URL and creates (or updates) the
// document and dead-letter streams and the workers' consumer.
func Connect(ctx context.Context, cfg Config) (*Queue, error) {
	cfg.defaults()
	if cfg.URL == "" {
		return nil, errors.New("queue: no server URL")
	}
	nc, err := nats.Connect(cfg.URL, nats.Name(cfg.Name), nats.MaxReconnects(-1),
		nats.ReconnectWait(500*time.Millisecond), nats.Timeout(10*time.Second))
	if err != nil {
		return nil, fmt.Errorf("queue: connect %s: %w", cfg.URL, err)
	}
	q := &Queue{cfg: cfg, nc: nc}
	if err := q.setup(ctx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: %s: %w", cfg.URL, err)
	}
	return q, nil
}

func (q *Queue) setup(ctx context.Context) error {
	js, err := jetstream.New(q.nc)
	if err != nil {
		return err
	}
	q.js = js
	storage := jetstream.FileStorage
	if q.cfg.Memory {
		storage = jetstream.MemoryStorage
	}
	q.stream, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        q.cfg.Stream,
		Description: "eventwire documents to process",
		Subjects:    []string{q.cfg.Subject},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     storage,
		Duplicates:  q.cfg.Duplicates,
	})
	if err != nil {
		return fmt.Errorf("stream %s: %w", q.cfg.Stream, err)
	}
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        q.cfg.DLQStream,
		Description: "eventwire documents the workers gave up on, with their error",
		Subjects:    []string{q.cfg.DLQSubject},
		Retention:   jetstream.LimitsPolicy,
		Storage:     storage,
		Duplicates:  q.cfg.Duplicates,
	}); err != nil {
		return fmt.Errorf("stream %s: %w", q.cfg.DLQStream, err)
	}
	if _, err := js.CreateOrUpdateConsumer(ctx, q.cfg.Stream, jetstream.ConsumerConfig{
		Durable:       q.cfg.Consumer,
		Description:   "eventwire workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.cfg.AckWait,
		MaxDeliver:    q.cfg.MaxDeliver,
		MaxAckPending: 10000,
		FilterSubject: q.cfg.Subject,
	}); err != nil {
		return fmt.Errorf("consumer %s: %w", q.cfg.Consumer, err)
	}
	return nil
}

// Close drains and closes the connection.
func (q *Queue) Close() error {
	if q.nc.IsClosed() {
		return nil
	}
	return q.nc.Drain()
}

// Config returns the configuration in use (with defaults filled).
func (q *Queue) Config() Config { return q.cfg }

// Message is the JSON body of a document message: the fields of an
// ingest.Item, or a URL to fetch when Body is empty and Fetch is set.
type Message struct {
	Origin  string `json:"origin,omitempty"`
	URL     string `json:"url,omitempty"`
	Title   string `json:"title,omitempty"`
	PubDate string `json:"pubdate,omitempty"`
	Source  string `json:"source,omitempty"`
	Body    []byte `json:"body,omitempty"` // base64 in JSON
	IsHTML  bool   `json:"is_html,omitempty"`
	// Fetch asks the worker to download URL (Body is empty).
	Fetch bool `json:"fetch,omitempty"`
}

// FromItem is the message of an ingested item.
func FromItem(it ingest.Item) Message {
	return Message{Origin: it.Origin, URL: it.URL, Title: it.Title, PubDate: it.PubDate,
		Source: it.Source, Body: it.Body, IsHTML: it.IsHTML}
}

// Item is the ingest.Item of a message (without a fetched body).
func (m Message) Item() ingest.Item {
	return ingest.Item{Origin: m.Origin, URL: m.URL, Title: m.Title, PubDate: m.PubDate,
		Source: m.Source, Body: m.Body, IsHTML: m.IsHTML, Kind: kindOf(m)}
}

func kindOf(m Message) ingest.Kind {
	if m.IsHTML {
		return ingest.KindHTML
	}
	return ingest.KindText
}

// ID is the message's content hash: of the body, or of the URL to fetch.
func (m Message) ID() string {
	h := sha256.New()
	if len(m.Body) > 0 {
		h.Write(m.Body)
	} else {
		h.Write([]byte("fetch\x00" + m.URL))
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// PublishStats says what Publish did.
type PublishStats struct {
	Published  int // accepted by the stream
	Duplicates int // dropped by the stream as already seen (same content)
	Skipped    int // items with a read error, not published
}

// Publish sends items to the stream, each with its content hash as message
// ID, and waits until the server has stored them all. Items that could not
// be read (Err set) are skipped and counted.
func (q *Queue) Publish(ctx context.Context, items []ingest.Item) (PublishStats, error) {
	var st PublishStats
	var futures []jetstream.PubAckFuture
	for _, it := range items {
		if it.Err != nil {
			st.Skipped++
			continue
		}
		m := FromItem(it)
		f, err := q.publishAsync(m, m.ID())
		if err != nil {
			return st, fmt.Errorf("queue: publish %s: %w", it.Origin, err)
		}
		futures = append(futures, f)
	}
	for _, f := range futures {
		select {
		case ack := <-f.Ok():
			if ack.Duplicate {
				st.Duplicates++
			} else {
				st.Published++
			}
		case err := <-f.Err():
			return st, fmt.Errorf("queue: publish: %w", err)
		case <-ctx.Done():
			return st, ctx.Err()
		}
	}
	return st, nil
}

// PublishMessage sends one message (e.g. a URL to fetch) and waits for it
// to be stored; dup reports that the stream had already seen its ID.
func (q *Queue) PublishMessage(ctx context.Context, m Message) (dup bool, err error) {
	data, err := json.Marshal(m)
	if err != nil {
		return false, err
	}
	ack, err := q.js.Publish(ctx, q.cfg.Subject, data, jetstream.WithMsgID(m.ID()))
	if err != nil {
		return false, fmt.Errorf("queue: publish %s: %w", m.Origin, err)
	}
	return ack.Duplicate, nil
}

func (q *Queue) publishAsync(m Message, id string) (jetstream.PubAckFuture, error) {
	data, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	return q.js.PublishMsgAsync(&nats.Msg{Subject: q.cfg.Subject, Data: data}, jetstream.WithMsgID(id))
}

// Backlog is the work left in the stream.
type Backlog struct {
	Pending    uint64 // not yet delivered
	AckPending uint64 // delivered, not yet acknowledged
	// Unfinished counts the messages still in the (work-queue) stream:
	// those above plus those handed back and waiting to be redelivered.
	// The work is done when it is 0.
	Unfinished uint64
	DeadLetter uint64 // messages in the dead-letter stream
}

// Backlog reports the consumer's pending counts and the dead-letter size.
func (q *Queue) Backlog(ctx context.Context) (Backlog, error) {
	c, err := q.js.Consumer(ctx, q.cfg.Stream, q.cfg.Consumer)
	if err != nil {
		return Backlog{}, fmt.Errorf("queue: %w", err)
	}
	info, err := c.Info(ctx)
	if err != nil {
		return Backlog{}, fmt.Errorf("queue: %w", err)
	}
	b := Backlog{Pending: info.NumPending, AckPending: uint64(info.NumAckPending)}
	si, err := q.stream.Info(ctx)
	if err != nil {
		return b, fmt.Errorf("queue: %w", err)
	}
	b.Unfinished = si.State.Msgs
	dlq, err := q.js.Stream(ctx, q.cfg.DLQStream)
	if err != nil {
		return b, fmt.Errorf("queue: %w", err)
	}
	di, err := dlq.Info(ctx)
	if err != nil {
		return b, fmt.Errorf("queue: %w", err)
	}
	b.DeadLetter = di.State.Msgs
	return b, nil
}

// DeadLetter is the JSON body of a dead-letter message.
type DeadLetter struct {
	ID         string  `json:"id"` // message ID (content hash)
	Error      string  `json:"error"`
	Deliveries int     `json:"deliveries"`
	Message    Message `json:"message"`
	At         string  `json:"at"`
}

// DeadLetters reads up to n dead-letter messages from the start.
func (q *Queue) DeadLetters(ctx context.Context, n int) ([]DeadLetter, error) {
	s, err := q.js.Stream(ctx, q.cfg.DLQStream)
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	var out []DeadLetter
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && len(out) < n && info.State.Msgs > 0; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return out, fmt.Errorf("queue: dead letter %d: %w", seq, err)
		}
		var dl DeadLetter
		if err := json.Unmarshal(m.Data, &dl); err != nil {
			return out, fmt.Errorf("queue: dead letter %d: %w", seq, err)
		}
		out = append(out, dl)
	}
	return out, nil
}

// deadLetter publishes a dead-letter record; its message ID is the
// original's, so several workers reporting the same message store it once.
func (q *Queue) deadLetter(ctx context.Context, id string, m Message, deliveries int, reason string) error {
	data, err := json.Marshal(DeadLetter{ID: id, Error: reason, Deliveries: deliveries, Message: m,
		At: time.Now().UTC().Format(time.RFC3339)})
	if err != nil {
		return err
	}
	_, err = q.js.Publish(ctx, q.cfg.DLQSubject, data, jetstream.WithMsgID("dlq/"+id))
	return err
}
