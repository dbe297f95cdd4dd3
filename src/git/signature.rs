//! Which key made a commit's signature, read from the signature itself: the OpenPGP issuer
//! (fingerprint, else key id), the SSH signer's public key, or only "X.509" (gpgsm's CMS is
//! not looked into). Also the public half of an SSH key as `user.signingkey` names it.
//! These are bytes from a commit or a file, so nothing here trusts a length: every read is
//! checked, nothing panics, and whatever does not parse is `None`.

/// The key that made a signature, as the signature names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signer {
    /// OpenPGP: the issuing (sub)key's fingerprint (40 or 64 upper-case hex digits), else
    /// its key id (16).
    OpenPgp(String),
    /// SSH: the signer's public key blob (what a `.pub` file holds in base64).
    Ssh(Vec<u8>),
    /// X.509 (gpgsm).
    X509,
}

impl Signer {
    /// Whether both name the same key: a key id matches the fingerprint it is part of (the
    /// last 8 bytes of a v4 fingerprint, the first 8 of a v5/v6 one).
    pub fn same_key(&self, other: &Signer) -> bool {
        match (self, other) {
            (Signer::OpenPgp(a), Signer::OpenPgp(b)) => {
                let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
                short == long
                    || (short.len() == 16
                        && ((long.len() == 40 && long.ends_with(short.as_str()))
                            || (long.len() == 64 && long.starts_with(short.as_str()))))
            }
            (a, b) => a == b,
        }
    }
}

/// The signer of an armored signature as a `gpgsig` header holds it (continuation lines
/// joined); `None` when the signature does not say, or says it twice.
pub fn signer(armored: &[u8]) -> Option<Signer> {
    let text = std::str::from_utf8(armored).ok()?;
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    match first {
        "-----BEGIN PGP SIGNATURE-----" => {
            pgp_issuer(&dearmor(text, "PGP SIGNATURE")?).map(Signer::OpenPgp)
        }
        "-----BEGIN SSH SIGNATURE-----" => {
            sshsig_key(&dearmor(text, "SSH SIGNATURE")?).map(Signer::Ssh)
        }
        "-----BEGIN SIGNED MESSAGE-----" => Some(Signer::X509),
        _ => None,
    }
}

/// The key blob of an OpenSSH public key line: `ssh-ed25519 AAAA… comment`, as a `.pub`
/// file or a `key::` literal holds it (options before the type are passed over).
pub fn ssh_public_key(text: &str) -> Option<Vec<u8>> {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))?;
    let words: Vec<&str> = line.split_whitespace().collect();
    words.windows(2).find_map(|w| {
        let blob = base64_decode(w[1].as_bytes())?;
        (key_type(&blob)? == w[0]).then_some(blob)
    })
}

/// The public key an OpenSSH private key file (`openssh-key-v1`) carries in the clear, even
/// when the private part is encrypted.
pub fn openssh_private_key_public_half(text: &str) -> Option<Vec<u8>> {
    let blob = dearmor(text, "OPENSSH PRIVATE KEY")?;
    let mut r = Reader(&blob);
    if r.take(15)? != b"openssh-key-v1\0" {
        return None;
    }
    r.string()?; // cipher
    r.string()?; // kdf
    r.string()?; // kdf options
    if r.u32()? != 1 {
        return None;
    }
    let key = r.string()?;
    key_type(key)?;
    Some(key.to_vec())
}

/// An SSH public key as a `.pub` file writes it, without the comment (`ssh-ed25519 AAAA…`).
pub fn ssh_key_text(blob: &[u8]) -> String {
    format!(
        "{} {}",
        key_type(blob).unwrap_or("unknown"),
        base64_encode(blob)
    )
}

/// The signer's public key in an SSHSIG blob (`ssh-keygen -Y sign`; OpenSSH's PROTOCOL.sshsig):
/// `SSHSIG`, version 1, then the key.
fn sshsig_key(blob: &[u8]) -> Option<Vec<u8>> {
    let mut r = Reader(blob);
    if r.take(6)? != b"SSHSIG" || r.u32()? != 1 {
        return None;
    }
    let key = r.string()?;
    key_type(key)?;
    Some(key.to_vec())
}

/// The key type a key blob starts with (`ssh-ed25519`), when it is a printable name.
fn key_type(blob: &[u8]) -> Option<&str> {
    let name = Reader(blob).string()?;
    if name.is_empty() || !name.iter().all(u8::is_ascii_graphic) {
        return None;
    }
    std::str::from_utf8(name).ok()
}

/// The bytes between `-----BEGIN label-----` and `-----END label-----`: armor headers (up to
/// the first blank line) and an OpenPGP `=CRC` line are passed over, the rest is base64.
fn dearmor(text: &str, label: &str) -> Option<Vec<u8>> {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let mut lines = text.lines().map(str::trim);
    lines.by_ref().find(|l| *l == begin)?;
    let mut body = Vec::new();
    let mut closed = false;
    for line in lines {
        if line == end {
            closed = true;
            break;
        }
        body.push(line);
    }
    if !closed {
        return None;
    }
    if let Some(blank) = body.iter().position(|l| l.is_empty())
        && body[..blank].iter().all(|l| l.contains(':'))
    {
        body.drain(..=blank);
    }
    body.retain(|l| !l.is_empty());
    if body.len() > 1
        && body
            .last()
            .is_some_and(|l| l.len() == 5 && l.starts_with('='))
    {
        body.pop();
    }
    base64_decode(body.concat().as_bytes())
}

/// Standard base64 with optional padding; `None` for any other byte or data after padding.
fn base64_decode(text: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 3);
    let (mut acc, mut bits, mut pad) = (0u32, 0u32, 0usize);
    for &c in text {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => {
                pad += 1;
                continue;
            }
            _ => return None,
        };
        if pad > 0 {
            return None;
        }
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (pad <= 2 && bits < 6).then_some(out)
}

fn base64_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A cursor over untrusted bytes: every read says `None` rather than run past the end.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    fn u8(&mut self) -> Option<usize> {
        self.take(1).map(|b| usize::from(b[0]))
    }

    fn u16(&mut self) -> Option<usize> {
        let b: [u8; 2] = self.take(2)?.try_into().ok()?;
        Some(usize::from(u16::from_be_bytes(b)))
    }

    fn u32(&mut self) -> Option<usize> {
        let b: [u8; 4] = self.take(4)?.try_into().ok()?;
        usize::try_from(u32::from_be_bytes(b)).ok()
    }

    /// An SSH `string`: a 32-bit length, then that many bytes.
    fn string(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()?;
        self.take(n)
    }
}

/// The issuer of the one signature packet in `packets` (RFC 9580 §4, §5.2).
fn pgp_issuer(packets: &[u8]) -> Option<String> {
    let mut r = Reader(packets);
    let mut found = None;
    while !r.0.is_empty() {
        let (tag, body) = pgp_packet(&mut r)?;
        if tag == 2 {
            if found.is_some() {
                return None;
            }
            found = Some(signature_issuer(body)?);
        }
    }
    found
}

/// One packet header, old or new format: its tag and body.
fn pgp_packet<'a>(r: &mut Reader<'a>) -> Option<(usize, &'a [u8])> {
    let head = r.u8()?;
    if head & 0x80 == 0 {
        return None;
    }
    let (tag, len) = if head & 0x40 != 0 {
        let len = match r.u8()? {
            n @ 0..=191 => n,
            n @ 192..=223 => ((n - 192) << 8) + r.u8()? + 192,
            255 => r.u32()?,
            // Partial body lengths: never a signature packet's.
            _ => return None,
        };
        (head & 0x3f, len)
    } else {
        let len = match head & 3 {
            0 => r.u8()?,
            1 => r.u16()?,
            2 => r.u32()?,
            _ => r.0.len(),
        };
        ((head >> 2) & 0x0f, len)
    };
    Some((tag, r.take(len)?))
}

/// A signature packet's issuer: v3 carries the key id itself; v4, v5 and v6 carry an Issuer
/// Fingerprint subpacket (33), else an Issuer Key ID one (16), hashed or not.
fn signature_issuer(body: &[u8]) -> Option<String> {
    let mut r = Reader(body);
    let version = r.u8()?;
    match version {
        2 | 3 => {
            if r.u8()? != 5 {
                return None;
            }
            r.take(5)?; // signature type, creation time
            return Some(hex(r.take(8)?));
        }
        4..=6 => {}
        _ => return None,
    }
    r.take(3)?; // signature type, public-key and hash algorithms
    let mut area = || {
        let n = if version == 6 { r.u32()? } else { r.u16()? };
        r.take(n)
    };
    let hashed = area()?;
    let unhashed = area()?;
    let mut key_id = None;
    for subpackets in [hashed, unhashed] {
        let mut s = Reader(subpackets);
        while !s.0.is_empty() {
            let len = match s.u8()? {
                n @ 0..=191 => n,
                n @ 192..=254 => ((n - 192) << 8) + s.u8()? + 192,
                _ => s.u32()?,
            };
            let (&kind, data) = s.take(len)?.split_first()?;
            match (kind & 0x7f, data.first(), data.len()) {
                (33, Some(4), 21) | (33, Some(5 | 6), 33) => return Some(hex(&data[1..])),
                (16, _, 8) => {
                    key_id.get_or_insert_with(|| hex(data));
                }
                _ => {}
            }
        }
    }
    key_id
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A detached signature by gpg 2.2 (ed25519 key), as `git commit -S<key>` stored it.
    const PGP: &str = "-----BEGIN PGP SIGNATURE-----

iHUEABYIAB0WIQQ9O8f7oCKC1nt6LuE0mI/8F3nwtQUCaw1mbwAKCRA0mI/8F3nw
taTUAP9nnX9LlQgxJ+6bEy0FzUUVEMINbiiFhdOJ1OVsEKyyUgEAzI4cPKPl5iDy
6kmtYA1Pbqukovsk8+Y6pogR/j3E5AA=
=Gt1P
-----END PGP SIGNATURE-----";
    const PGP_FPR: &str = "3D3BC7FBA02282D67B7A2EE134988FFC1779F0B5";

    /// `ssh-keygen -Y sign` by the key below.
    const SSH: &str = "-----BEGIN SSH SIGNATURE-----
U1NIU0lHAAAAAQAAADMAAAALc3NoLWVkMjU1MTkAAAAgA4aHCI3I0vsRqhFOrNtRFkcIAN
Hw1CJplu1z2aSj8mIAAAADZ2l0AAAAAAAAAAZzaGE1MTIAAABTAAAAC3NzaC1lZDI1NTE5
AAAAQKAhFmkFJmlULFeNE5oyZHXHqEJgxBluBp8Nwq8eS5nDpw4FVzzYx9sSMK4G/rnrdA
VvEE3ePSDbVKByLAIOUQM=
-----END SSH SIGNATURE-----";
    const SSH_PUB: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAOGhwiNyNL7EaoRTqzbURZHCADR8NQiaZbtc9mko/Ji";

    fn armor(label: &str, body: &[u8]) -> String {
        format!(
            "-----BEGIN {label}-----\nVersion: test\n\n{}\n-----END {label}-----\n",
            base64_encode(body)
        )
    }

    /// A new-format signature packet (v4) with these hashed and unhashed subpackets.
    fn v4(hashed: &[u8], unhashed: &[u8]) -> Vec<u8> {
        let mut body = vec![4, 0, 22, 8];
        for area in [hashed, unhashed] {
            body.extend_from_slice(&(area.len() as u16).to_be_bytes());
            body.extend_from_slice(area);
        }
        body.extend_from_slice(&[0xab, 0xcd, 0, 1, 0]); // hash prefix, an MPI
        let mut packet = vec![0xc2, 0xff];
        packet.extend_from_slice(&(body.len() as u32).to_be_bytes());
        packet.extend(body);
        packet
    }

    fn subpacket(kind: u8, data: &[u8]) -> Vec<u8> {
        let mut s = vec![(data.len() + 1) as u8, kind];
        s.extend_from_slice(data);
        s
    }

    #[test]
    fn a_gpg_signature_names_its_issuer_fingerprint() {
        assert_eq!(
            signer(PGP.as_bytes()),
            Some(Signer::OpenPgp(PGP_FPR.into()))
        );
        let crlf = PGP.replace('\n', "\r\n");
        assert_eq!(
            signer(crlf.as_bytes()),
            Some(Signer::OpenPgp(PGP_FPR.into()))
        );
    }

    #[test]
    fn the_fingerprint_wins_over_the_key_id_in_either_area() {
        let fpr = [0x11; 20];
        let with_fpr = [&[4u8][..], &fpr].concat();
        let id = subpacket(16, &[0x22; 8]);
        let packet = v4(&id, &subpacket(33, &with_fpr));
        assert_eq!(
            signer(armor("PGP SIGNATURE", &packet).as_bytes()),
            Some(Signer::OpenPgp("11".repeat(20)))
        );
        let only_id = v4(&[], &id);
        assert_eq!(
            signer(armor("PGP SIGNATURE", &only_id).as_bytes()),
            Some(Signer::OpenPgp("22".repeat(8)))
        );
        // The critical bit does not hide the type; a v6 key's fingerprint has 32 bytes.
        let v6 = [&[6u8][..], &[0x33; 32]].concat();
        let critical = v4(&subpacket(0x80 | 33, &v6), &[]);
        assert_eq!(
            signer(armor("PGP SIGNATURE", &critical).as_bytes()),
            Some(Signer::OpenPgp("33".repeat(32)))
        );
    }

    #[test]
    fn old_format_v3_and_v6_packets_are_read() {
        // Old format, one-byte length, v3: the key id sits in the packet itself.
        let mut v3 = vec![4, 5, 0, 1, 2, 3, 4];
        v3.extend_from_slice(&[0x44; 8]);
        v3.extend_from_slice(&[1, 8, 0xab, 0xcd]);
        let packet = [&[0x88, v3.len() as u8][..], &v3].concat();
        v3[0] = 3;
        let packet3 = [&[0x88, v3.len() as u8][..], &v3].concat();
        assert_eq!(signer(armor("PGP SIGNATURE", &packet).as_bytes()), None);
        assert_eq!(
            signer(armor("PGP SIGNATURE", &packet3).as_bytes()),
            Some(Signer::OpenPgp("44".repeat(8)))
        );
        // v6: four-byte subpacket area lengths; old-format two-byte packet length.
        let fpr = subpacket(33, &[&[6u8][..], &[0x55; 32]].concat());
        let mut body = vec![6, 0, 27, 10];
        body.extend_from_slice(&(fpr.len() as u32).to_be_bytes());
        body.extend_from_slice(&fpr);
        body.extend_from_slice(&0u32.to_be_bytes());
        let packet6 = [&[0x89][..], &(body.len() as u16).to_be_bytes(), &body].concat();
        assert_eq!(
            signer(armor("PGP SIGNATURE", &packet6).as_bytes()),
            Some(Signer::OpenPgp("55".repeat(32)))
        );
    }

    #[test]
    fn two_signatures_or_none_name_no_key() {
        let one = v4(&subpacket(16, &[1; 8]), &[]);
        let two = [one.clone(), one].concat();
        assert_eq!(signer(armor("PGP SIGNATURE", &two).as_bytes()), None);
        let marker = [0xca, 3, b'P', b'G', b'P'];
        assert_eq!(signer(armor("PGP SIGNATURE", &marker).as_bytes()), None);
        assert_eq!(
            signer(armor("PGP SIGNATURE", &v4(&[], &[])).as_bytes()),
            None
        );
    }

    #[test]
    fn hostile_signatures_never_panic() {
        let good = v4(&subpacket(33, &[&[4u8][..], &[9; 20]].concat()), &[]);
        // Every truncation, and every single byte set to each extreme.
        for cut in 0..good.len() {
            let _ = signer(armor("PGP SIGNATURE", &good[..cut]).as_bytes());
        }
        for i in 0..good.len() {
            for b in [0u8, 0x7f, 0xc0, 0xdf, 0xe0, 0xff] {
                let mut bad = good.clone();
                bad[i] = b;
                let _ = signer(armor("PGP SIGNATURE", &bad).as_bytes());
            }
        }
        // Huge declared lengths: packet, subpacket area, subpacket, SSH strings.
        let huge = [0xc2, 0xff, 0xff, 0xff, 0xff, 0xff, 4];
        assert_eq!(signer(armor("PGP SIGNATURE", &huge).as_bytes()), None);
        let area = [0xc2, 8, 4, 0, 22, 8, 0xff, 0xff, 0, 0];
        assert_eq!(signer(armor("PGP SIGNATURE", &area).as_bytes()), None);
        let sub = [0xc2, 10, 4, 0, 22, 8, 0, 6, 0xff, 0xff, 0xff, 0xff];
        assert_eq!(signer(armor("PGP SIGNATURE", &sub).as_bytes()), None);
        let sshsig = [b"SSHSIG".as_slice(), &[0, 0, 0, 1, 0xff, 0xff, 0xff, 0xff]].concat();
        assert_eq!(signer(armor("SSH SIGNATURE", &sshsig).as_bytes()), None);
        let ssh = base64_decode(SSH.lines().skip(1).take(4).collect::<String>().as_bytes());
        let ssh = ssh.unwrap();
        for cut in 0..ssh.len() {
            let _ = signer(armor("SSH SIGNATURE", &ssh[..cut]).as_bytes());
        }
    }

    #[test]
    fn bad_armor_or_base64_names_no_key() {
        for text in [
            "",
            "-----BEGIN PGP SIGNATURE-----\n\niHUE!!!!\n-----END PGP SIGNATURE-----",
            "-----BEGIN PGP SIGNATURE-----\n\niHUEABYIAB0W\n",
            "-----BEGIN PGP SIGNATURE-----\n\nA\n-----END PGP SIGNATURE-----",
            "-----BEGIN PGP SIGNATURE-----\n\niH==UE\n-----END PGP SIGNATURE-----",
            "-----BEGIN SOMETHING-----\n\niHUE\n-----END SOMETHING-----",
            "not a signature",
        ] {
            assert_eq!(signer(text.as_bytes()), None, "{text:?}");
        }
        assert_eq!(signer(b"\xff\xfe"), None);
        assert_eq!(base64_decode(b"QUJD"), Some(b"ABC".to_vec()));
        assert_eq!(base64_decode(b"QUI="), Some(b"AB".to_vec()));
        assert_eq!(base64_decode(b"QQ"), Some(b"A".to_vec()));
        assert_eq!(base64_decode(b"QQ==="), None);
    }

    #[test]
    fn an_ssh_signature_names_its_public_key() {
        let key = ssh_public_key(SSH_PUB).unwrap();
        assert_eq!(signer(SSH.as_bytes()), Some(Signer::Ssh(key.clone())));
        assert_eq!(ssh_key_text(&key), SSH_PUB);
        assert_eq!(
            ssh_public_key(&format!("{SSH_PUB} me@host\n")),
            Some(key.clone())
        );
        assert_eq!(
            ssh_public_key(&format!("no-pty,command=\"x\" {SSH_PUB} me")),
            Some(key)
        );
        assert_eq!(ssh_public_key("ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIAOG"), None);
        assert_eq!(ssh_public_key(""), None);
    }

    #[test]
    fn a_private_key_file_shows_its_public_half() {
        let key = ssh_public_key(SSH_PUB).unwrap();
        let mut blob = b"openssh-key-v1\0".to_vec();
        for s in [&b"aes256-ctr"[..], b"bcrypt", b"\0\0\0\x10salt"] {
            blob.extend_from_slice(&(s.len() as u32).to_be_bytes());
            blob.extend_from_slice(s);
        }
        blob.extend_from_slice(&1u32.to_be_bytes());
        blob.extend_from_slice(&(key.len() as u32).to_be_bytes());
        blob.extend_from_slice(&key);
        let key_end = blob.len();
        blob.extend_from_slice(b"\0\0\0\x09encrypted");
        let file = format!(
            "-----BEGIN OPENSSH PRIVATE KEY-----\n{}\n-----END OPENSSH PRIVATE KEY-----\n",
            base64_encode(&blob)
        );
        assert_eq!(openssh_private_key_public_half(&file), Some(key));
        assert_eq!(openssh_private_key_public_half(SSH_PUB), None);
        for cut in 0..key_end {
            let file = armor("OPENSSH PRIVATE KEY", &blob[..cut]);
            assert_eq!(openssh_private_key_public_half(&file), None);
        }
    }

    #[test]
    fn a_key_id_is_the_same_key_as_its_fingerprint() {
        let fpr = Signer::OpenPgp(PGP_FPR.into());
        assert!(fpr.same_key(&Signer::OpenPgp("34988FFC1779F0B5".into())));
        assert!(Signer::OpenPgp("34988FFC1779F0B5".into()).same_key(&fpr));
        assert!(!fpr.same_key(&Signer::OpenPgp("3D3BC7FBA02282D6".into())));
        assert!(!fpr.same_key(&Signer::X509));
        assert!(Signer::Ssh(vec![1]).same_key(&Signer::Ssh(vec![1])));
    }
}
