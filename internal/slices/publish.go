package slices

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Names of the index files in the output folder.
const (
	LastUpdate     = "lastupdate.txt"
	MasterFileList = "masterfilelist.txt"
)

// Line is one "size md5 url" line of lastupdate.txt or masterfilelist.txt.
func (w *Writer) Line(f File) string {
	loc := f.Path
	if w.opt.BaseURL != "" {
		loc = strings.TrimSuffix(w.opt.BaseURL, "/") + "/" + f.Name
	}
	return fmt.Sprintf("%d %s %s", f.Size, f.MD5, loc)
}

// publish points lastupdate.txt at s and records s in masterfilelist.txt
// (replacing the lines of an earlier write of the same stamp).
func (w *Writer) publish(s Slice) error {
	lines := []string{w.Line(s.Export), w.Line(s.Mentions), w.Line(s.GKG)}
	if err := writeAtomic(filepath.Join(w.opt.Dir, LastUpdate), []byte(strings.Join(lines, "\n")+"\n")); err != nil {
		return err
	}
	master := filepath.Join(w.opt.Dir, MasterFileList)
	old, err := os.ReadFile(master)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	names := map[string]bool{s.Export.Name: true, s.Mentions.Name: true, s.GKG.Name: true}
	replaced := false
	var b bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(old))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		if names[lineName(line)] {
			if !replaced {
				replaced = true
				for _, l := range lines {
					b.WriteString(l + "\n")
				}
			}
			continue
		}
		b.WriteString(line + "\n")
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", master, err)
	}
	if !replaced { // the usual case: append
		f, err := os.OpenFile(master, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		add := strings.Join(lines, "\n") + "\n"
		if len(old) > 0 && old[len(old)-1] != '\n' {
			add = "\n" + add
		}
		if _, err := f.WriteString(add); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	return writeAtomic(master, b.Bytes())
}

// lineName is the file name at the end of a "size md5 url" line.
func lineName(line string) string {
	f := strings.Fields(line)
	if len(f) != 3 {
		return ""
	}
	return f[2][strings.LastIndexAny(f[2], `/\`)+1:]
}

// ParseLine splits a "size md5 url" line.
func ParseLine(line string) (size int64, sum, loc string, err error) {
	f := strings.Fields(line)
	if len(f) != 3 {
		return 0, "", "", fmt.Errorf("want 3 fields (size md5 url), got %d in %q", len(f), line)
	}
	size, err = strconv.ParseInt(f[0], 10, 64)
	if err != nil || size < 0 {
		return 0, "", "", fmt.Errorf("bad size %q", f[0])
	}
	if _, herr := hex.DecodeString(f[1]); len(f[1]) != 32 || herr != nil {
		return 0, "", "", fmt.Errorf("bad md5 %q", f[1])
	}
	return size, f[1], f[2], nil
}

func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// LastStamp returns the stamp of the slice lastupdate.txt in dir points
// at; ok is false when there is none (or it cannot be read).
func LastStamp(dir string) (t time.Time, ok bool) {
	b, err := os.ReadFile(filepath.Join(dir, LastUpdate))
	if err != nil {
		return t, false
	}
	line, _, _ := strings.Cut(string(b), "\n")
	if _, _, _, err := ParseLine(line); err == nil {
		name := lineName(line)
		if len(name) >= len(StampLayout) {
			if t, err := time.Parse(StampLayout, name[:len(StampLayout)]); err == nil {
				return t, true
			}
		}
	}
	return t, false
}
