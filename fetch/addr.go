package fetch

import (
	"fmt"
	"net/netip"
	"sync"
	"syscall"
)

// reservedRange is an address range that a fetch refuses unless
// Options.AllowPrivate is set, with the reason it names in errors.
type reservedRange struct {
	prefix netip.Prefix
	why    string
}

// reservedRanges lists the ranges that are not on the public internet
// beyond those netip classifies itself (loopback, private, link-local,
// multicast, unspecified): IANA's special-purpose registries, RFC 6890.
var reservedRanges = sync.OnceValue(func() []reservedRange {
	r := func(p, why string) reservedRange { return reservedRange{netip.MustParsePrefix(p), why} }
	return []reservedRange{
		r("0.0.0.0/8", "\"this network\""),
		r("100.64.0.0/10", "shared address space (CGNAT)"),
		r("192.0.0.0/24", "IETF protocol assignments"),
		r("192.0.2.0/24", "documentation"),
		r("198.18.0.0/15", "benchmarking"),
		r("198.51.100.0/24", "documentation"),
		r("203.0.113.0/24", "documentation"),
		r("240.0.0.0/4", "reserved or broadcast"),
		r("::/96", "IPv4-compatible or unspecified"),
		r("100::/64", "discard-only"),
		r("2001:db8::/32", "documentation"),
		r("fec0::/10", "site-local"),
	}
})

// Embedded IPv4 forms: an IPv6 address in these ranges reaches the IPv4
// address it carries, which is checked in turn.
func nat64Prefix() netip.Prefix { // RFC 6052: IPv4 in the last 32 bits
	return netip.PrefixFrom(netip.AddrFrom16([16]byte{0x00, 0x64, 0xff, 0x9b}), 96)
}

func sixToFour() netip.Prefix { // RFC 3056: IPv4 in bits 16-47
	return netip.PrefixFrom(netip.AddrFrom16([16]byte{0x20, 0x02}), 16)
}

// Refused reports why addr may not be dialled without AllowPrivate, or ""
// when it is a public address. IPv4-mapped IPv6 addresses (::ffff:a.b.c.d),
// NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses are judged by the
// IPv4 address they carry. Refused ranges: loopback (127/8, ::1), private
// (RFC 1918, fc00::/7), shared CGNAT space (100.64/10), link-local
// (169.254/16, fe80::/10), unspecified, multicast, broadcast and the rest
// of 240/4, 0/8, and the documentation, benchmarking and IETF ranges.
func Refused(addr netip.Addr) string {
	if !addr.IsValid() {
		return "not an IP address"
	}
	addr = addr.WithZone("")
	if addr.Is4In6() {
		addr = addr.Unmap()
	}
	if addr.Is6() {
		b := addr.As16()
		switch {
		case nat64Prefix().Contains(addr):
			if why := Refused(netip.AddrFrom4([4]byte(b[12:16]))); why != "" {
				return "NAT64 of " + why
			}
		case sixToFour().Contains(addr):
			if why := Refused(netip.AddrFrom4([4]byte(b[2:6]))); why != "" {
				return "6to4 of " + why
			}
		}
	}
	switch {
	case addr.IsUnspecified():
		return "unspecified"
	case addr.IsLoopback():
		return "loopback"
	case addr.IsPrivate():
		return "private"
	case addr.IsLinkLocalUnicast():
		return "link-local"
	case addr.IsMulticast():
		return "multicast"
	}
	for _, r := range reservedRanges() {
		if r.prefix.Contains(addr) {
			return r.why
		}
	}
	return ""
}

// checkDial is the net.Dialer Control check: address is the "ip:port" about
// to be dialled, after name resolution, so it also catches names that
// resolve (or are rebound) to private addresses and redirects to them.
func checkDial(network, address string) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		// Fail closed: an address we cannot read is not dialled.
		return fmt.Errorf("%w: cannot parse %s address %q", ErrPrivateAddress, network, address)
	}
	if why := Refused(ap.Addr()); why != "" {
		return fmt.Errorf("%w: %s is %s", ErrPrivateAddress, ap.Addr(), why)
	}
	return nil
}

// control adapts a dial check to net.Dialer.Control.
func control(check func(network, address string) error) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		return check(network, address)
	}
}
