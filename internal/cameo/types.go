// Package cameo holds the typed CAMEO and PLOVER code tables: event codes
// with names, Goldstein values and QuadClass, and actor code parts.
// It is a leaf package of facts only.
package cameo

// EventCode is a CAMEO event code of 2 to 4 digits, e.g. "111", "0231".
type EventCode string

// Root is a two-digit CAMEO root, "01" to "20".
type Root string

// ActorCode is a CAMEO actor code built of 3-letter parts, e.g. "USAGOV", "IMGMUS".
type ActorCode string

// QuadClass is GDELT's four-way event class.
type QuadClass int

const (
	QuadNone            QuadClass = 0
	VerbalCooperation   QuadClass = 1
	MaterialCooperation QuadClass = 2
	VerbalConflict      QuadClass = 3
	MaterialConflict    QuadClass = 4
)

func (q QuadClass) String() string {
	switch q {
	case VerbalCooperation:
		return "verbal cooperation"
	case MaterialCooperation:
		return "material cooperation"
	case VerbalConflict:
		return "verbal conflict"
	case MaterialConflict:
		return "material conflict"
	}
	return "none"
}
