/* IKEv2 session resumption (RFC 5723) ticket format v1, for libreswan
 *
 * This program is free software; you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the
 * Free Software Foundation; either version 2 of the License, or (at your
 * option) any later version.  See <https://www.gnu.org/licenses/gpl2.txt>.
 *
 * This program is distributed in the hope that it will be useful, but
 * WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY
 * or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU General Public License
 * for more details.
 */

/*
 * The ticket is only ever read by the gateway that wrote it (RFC 5723
 * 1, App. A), but it is kept in key files and may be opened by another
 * build or architecture after an upgrade or by a cluster peer, so its
 * encoding is explicit and versioned: docs/ticket-format.md.
 *
 *   0  u8   version (1)
 *   1  u8   flags (0)
 *   2  u16  reserved (0)
 *   4  8    key_id         the ring key that sealed it
 *  12  12   nonce          random, unique per ticket
 *  24  ...  ciphertext     AES-256-GCM of the state TLVs, AAD = bytes 0..23
 *   …  16   tag
 *
 * State: TLVs (u16 type, u16 length, value), network byte order.  A
 * type with RESUME_TLV_CRITICAL set must be understood; others may be
 * skipped.  Duplicates are rejected.
 *
 * Nothing here knows about IKE SAs or connections: the codec turns a
 * struct resume_ticket_state into bytes and back
 * (ikev2_resume_ticket_seal.h seals and opens them with a key it is
 * given).  Decoding never allocates from a length
 * read from the ticket; decoded fields point into the plaintext.
 */

#ifndef IKEV2_RESUME_TICKET_H
#define IKEV2_RESUME_TICKET_H

#include <stdint.h>
#include <stdbool.h>
#include <pk11pub.h>

#include "chunk.h"
#include "shunk.h"

struct logger;
struct enum_names;

#define RESUME_TICKET_VERSION		1
#define RESUME_TICKET_KEY_ID_SIZE	8
#define RESUME_TICKET_NONCE_SIZE	12	/* 96-bit GCM nonce */
#define RESUME_TICKET_TAG_SIZE		16	/* 128-bit GCM tag */
#define RESUME_TICKET_HEADER_SIZE	(4 + RESUME_TICKET_KEY_ID_SIZE + RESUME_TICKET_NONCE_SIZE)
#define RESUME_TICKET_ID_SIZE		16	/* ticket_id, the replay-cache key */
#define RESUME_TICKET_SPI_SIZE		8
#define RESUME_TICKET_MAX_SK_D_SIZE	64	/* the largest PRF output, SHA2-512 */
/* AES key wrap with padding (RFC 5649): the 8-octet integrity block */
#define RESUME_TICKET_WRAP_OVERHEAD	8
#define RESUME_TICKET_WRAP_BLOCK	8
#define RESUME_TICKET_MAX_ID_SIZE	2048	/* one ID payload body */
/* A ticket larger than this is refused before any work is done. */
#define RESUME_TICKET_MAX_SIZE		(RESUME_TICKET_HEADER_SIZE + 3 * RESUME_TICKET_MAX_ID_SIZE + RESUME_TICKET_TAG_SIZE)

#define RESUME_TLV_CRITICAL		0x8000

enum resume_tlv_type {
	RESUME_TLV_TICKET_ID	= RESUME_TLV_CRITICAL | 1,
	RESUME_TLV_IDI		= RESUME_TLV_CRITICAL | 2,
	RESUME_TLV_IDR		= RESUME_TLV_CRITICAL | 3,
	RESUME_TLV_PEER_AUTH	= RESUME_TLV_CRITICAL | 4,
	RESUME_TLV_AUTH_TIME	= RESUME_TLV_CRITICAL | 5,
	RESUME_TLV_EXPIRY	= RESUME_TLV_CRITICAL | 6,
	RESUME_TLV_SPI_I	= RESUME_TLV_CRITICAL | 7,
	RESUME_TLV_SPI_R	= RESUME_TLV_CRITICAL | 8,
	RESUME_TLV_TRANSFORMS	= RESUME_TLV_CRITICAL | 9,
	RESUME_TLV_SK_D		= RESUME_TLV_CRITICAL | 10,
	RESUME_TLV_CONN_NAME	= 11,
	RESUME_TLV_FLAGS	= 12,
	RESUME_TLV_PPK_ID	= 13,
	/*
	 * The policy that admitted the peer (docs/ticket-format.md):
	 * optional, as tickets of earlier builds lack them.
	 */
	RESUME_TLV_PEER_CA	= 14,
	RESUME_TLV_LOCAL_AUTH	= 15,
};

/* the issuer DN of the peer's certificate, DER */
#define RESUME_TICKET_MAX_PEER_CA_SIZE	1024

/*
 * What the codec (and the key ring, ikev2_resume_keyring.h) makes of a
 * ticket.  Anything but OK refuses it: the log line, the counter, and
 * (always) an unencrypted TICKET_NACK on the wire (RFC 5723 4.3.2).
 * The gateway's own reasons (replayed, revoked, not admitted, ...)
 * continue these values in pluto (ikev2_resume_accept.h).
 */
enum resume_ticket_status {
	RESUME_TICKET_OK = 0,
	RESUME_TICKET_TRUNCATED,
	RESUME_TICKET_TOO_BIG,
	RESUME_TICKET_BAD_VERSION,
	RESUME_TICKET_BAD_HEADER,
	RESUME_TICKET_UNKNOWN_KEY,
	RESUME_TICKET_TAG_FAILURE,
	RESUME_TICKET_MALFORMED_TLV,
	RESUME_TICKET_DUPLICATE_TLV,
	RESUME_TICKET_UNKNOWN_CRITICAL_TLV,
	RESUME_TICKET_MISSING_TLV,
	RESUME_TICKET_EXPIRED,
	RESUME_TICKET_UNKNOWN_ALGORITHM,
	RESUME_TICKET_BAD_SK_D,		/* the key ring: SK_d does not unwrap */
	RESUME_TICKET_STATUS_ROOF,
};

/* "truncated", "unknown key", ...; pluto continues them (ikev2_resume_accept.h) */
extern const struct enum_names resume_ticket_status_names;
const char *resume_ticket_status_name(enum resume_ticket_status status);

struct resume_ticket_transforms {
	uint16_t encr;		/* IKEv2 transform IDs */
	uint16_t encr_keylen;	/* bits, 0 if implied */
	uint16_t prf;
	uint16_t integ;
	uint16_t dh;
};

struct resume_ticket_state {
	uint8_t ticket_id[RESUME_TICKET_ID_SIZE];
	shunk_t idi;		/* ID payload bodies: type, 3 reserved, data */
	shunk_t idr;
	uint8_t peer_auth;	/* how the peer first authenticated; see glue */
	uint64_t auth_time;	/* original authentication, s since epoch */
	uint64_t expiry;	/* s since epoch */
	uint8_t spi_i[RESUME_TICKET_SPI_SIZE];
	uint8_t spi_r[RESUME_TICKET_SPI_SIZE];
	struct resume_ticket_transforms transforms;
	shunk_t sk_d;		/* wrapped (RFC 5649) by the key ring, never in the clear */
	shunk_t conn_name;	/* hint only; may be empty */
	uint32_t flags;
	shunk_t ppk_id;		/* may be empty */
	/*
	 * What the connection's policy is judged against when the
	 * ticket is presented: the issuer of the peer's certificate
	 * (empty: no certificate, or an earlier build's ticket), and
	 * how this end authenticated (0: an earlier build's ticket).
	 */
	shunk_t peer_ca;
	uint8_t local_auth;
};

struct resume_ticket_header {
	uint8_t version;
	uint8_t flags;
	uint16_t reserved;
	uint8_t key_id[RESUME_TICKET_KEY_ID_SIZE];
	uint8_t nonce[RESUME_TICKET_NONCE_SIZE];
};

/* state <-> plaintext */
chunk_t resume_ticket_encode_state(const struct resume_ticket_state *state);
enum resume_ticket_status resume_ticket_decode_state(shunk_t plaintext,
						     struct resume_ticket_state *state);

/* the clear part of a ticket: checks size, version and reserved bits */
enum resume_ticket_status resume_ticket_parse_header(shunk_t ticket,
						     struct resume_ticket_header *header);

/*
 * The clear part of a new ticket, H, into its first
 * RESUME_TICKET_HEADER_SIZE octets (the sealing is
 * ikev2_resume_ticket_seal.h's).
 */
void resume_ticket_encode_header(const struct resume_ticket_header *h,
				 uint8_t out[RESUME_TICKET_HEADER_SIZE]);

/*
 * A plaintext from resume_ticket_encode_state() or
 * resume_ticket_open(): wiped, then freed (it holds SK_d, wrapped).
 */
void free_resume_ticket_plaintext(chunk_t *plaintext);

#endif
