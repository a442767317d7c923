package geo

import (
	"math"
	"sync"
)

// spatial is a lazily built one-degree grid over populated places, used for
// reverse lookups (which place is nearest to a point).
type spatial struct {
	once    sync.Once
	entries []*Entry
	cells   map[int32][]*Entry
}

func newSpatial(entries []*Entry) *spatial { return &spatial{entries: entries} }

func cellKey(lat, lon int) int32 { return int32((lat+90)*360 + (lon+180)%360) }

func (s *spatial) build() {
	s.cells = make(map[int32][]*Entry, 20000)
	for _, e := range s.entries {
		if e.Kind != KindCity {
			continue
		}
		k := cellKey(int(math.Floor(e.Lat)), int(math.Floor(e.Lon)))
		s.cells[k] = append(s.cells[k], e)
	}
}

// nearest searches rings of cells outwards until a ring can no longer hold
// anything closer than the best found.
func (s *spatial) nearest(lat, lon float64) *Entry {
	s.once.Do(s.build)
	if len(s.cells) == 0 || math.IsNaN(lat) || math.IsNaN(lon) {
		return nil
	}
	la, lo := int(math.Floor(lat)), int(math.Floor(lon))
	var best *Entry
	bestD := math.Inf(1)
	for r := 0; r <= 180; r++ {
		for dy := -r; dy <= r; dy++ {
			y := la + dy
			if y < -90 || y >= 90 {
				continue
			}
			for dx := -r; dx <= r; dx++ {
				if dy != -r && dy != r && dx != -r && dx != r {
					continue // inner cells were done in earlier rings
				}
				x := ((lo+dx)%360+540)%360 - 180
				for _, e := range s.cells[cellKey(y, x)] {
					if d := Distance(lat, lon, e.Lat, e.Lon); d < bestD {
						best, bestD = e, d
					}
				}
			}
		}
		// one degree of latitude is ~111 km; anything in ring r+1 is at least r*111 km away
		if best != nil && bestD < float64(r)*111*math.Max(0.2, math.Cos(math.Abs(lat)*math.Pi/180)) {
			break
		}
		if r > 30 && best != nil {
			break
		}
	}
	return best
}

// Distance is the great-circle distance in kilometres between two points.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}
