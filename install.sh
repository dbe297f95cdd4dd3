#!/bin/sh
# Installs relhook from this checkout (`cargo install --locked --path .`, into ~/.cargo/bin).
#
# On Linux with glibc it builds a static PIE: glibc linked in, still loaded at a random
# address with full RELRO, and no dynamic loader at start-up, so every hook starts about
# half a millisecond sooner (README "Speed"). The price: a glibc security fix reaches relhook
# when it is installed again. RELHOOK_DYNAMIC=1 gives the ordinary build, and so does a
# toolchain without static glibc (Fedora: dnf install glibc-static), after saying so.
# Extra arguments go to cargo install (e.g. --root DIR).
set -eu
cd "$(dirname "$0")"
host=$(rustc -vV | sed -n 's/^host: //p')
case $host in
*-linux-gnu*)
	if [ -n "${CARGO_ENCODED_RUSTFLAGS+set}" ]; then
		echo "install.sh: CARGO_ENCODED_RUSTFLAGS is set and would override the static flag; installing the ordinary build" >&2
	elif [ "${RELHOOK_DYNAMIC:-0}" != 1 ]; then
		# With an explicit --target, RUSTFLAGS reach only relhook and its libraries: build
		# scripts and proc macros, which cannot be static, keep the host's ordinary flags.
		# The user's own RUSTFLAGS are kept.
		if RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }-C target-feature=+crt-static" \
			cargo install --locked --path . --target "$host" "$@"; then
			exit 0
		fi
		echo "install.sh: the static build failed (is static glibc installed?); installing the ordinary build" >&2
	fi
	;;
esac
exec cargo install --locked --path . "$@"
