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

#include <string.h>

#include <pk11pub.h>
#include <pkcs11t.h>

#include "ikev2_resume_ticket.h"
#include "lswalloc.h"
#include "lswnss.h"
#include "passert.h"
#include "lswlog.h"

#define TLV_HEADER_SIZE		4
#define U16_SIZE		2
#define U32_SIZE		4
#define U64_SIZE		8
#define TRANSFORMS_SIZE		(5 * U16_SIZE)
#define ID_PAYLOAD_HEADER_SIZE	4	/* ID type, 3 reserved */
#define MAX_CONN_NAME_SIZE	255
#define MAX_PPK_ID_SIZE		255

static const char *const status_names[RESUME_TICKET_STATUS_ROOF] = {
	[RESUME_TICKET_OK] = "ok",
	[RESUME_TICKET_TRUNCATED] = "truncated",
	[RESUME_TICKET_TOO_BIG] = "too big",
	[RESUME_TICKET_BAD_VERSION] = "bad version",
	[RESUME_TICKET_BAD_HEADER] = "bad header",
	[RESUME_TICKET_UNKNOWN_KEY] = "unknown key",
	[RESUME_TICKET_TAG_FAILURE] = "tag failure",
	[RESUME_TICKET_MALFORMED_TLV] = "malformed TLV",
	[RESUME_TICKET_DUPLICATE_TLV] = "duplicate TLV",
	[RESUME_TICKET_UNKNOWN_CRITICAL_TLV] = "unknown critical TLV",
	[RESUME_TICKET_MISSING_TLV] = "missing TLV",
	[RESUME_TICKET_EXPIRED] = "expired",
	[RESUME_TICKET_UNKNOWN_ALGORITHM] = "unknown algorithm",
	[RESUME_TICKET_ID_MISMATCH] = "identity mismatch",
	[RESUME_TICKET_NO_KEYS] = "no ticket keys",
	[RESUME_TICKET_REPLAYED] = "replayed",
	[RESUME_TICKET_REPLAY_CACHE_FULL] = "replay cache full",
	[RESUME_TICKET_BAD_SK_D] = "SK_d does not unwrap",
	[RESUME_TICKET_REVOKED] = "revoked",
	[RESUME_TICKET_REVOCATIONS_LOST] = "revocations lost",
	[RESUME_TICKET_CONNECTION_GONE] = "connection gone",
	[RESUME_TICKET_AUTH_NOT_ADMITTED] = "authentication not admitted",
	[RESUME_TICKET_PEER_ID_NOT_ADMITTED] = "peer ID not admitted",
	[RESUME_TICKET_CA_NOT_ADMITTED] = "CA not admitted",
};

const char *resume_ticket_status_name(enum resume_ticket_status status)
{
	if (status >= RESUME_TICKET_STATUS_ROOF || status_names[status] == NULL) {
		return "unknown reason";
	}
	return status_names[status];
}

/*
 * Writer: the exact size is computed first, so running out of room is
 * our bug, not the peer's.
 */

struct writer {
	uint8_t *ptr;
	size_t left;
};

static void put_bytes(struct writer *w, const void *bytes, size_t len)
{
	passert(w->left >= len);
	if (len > 0) {
		memcpy(w->ptr, bytes, len);
	}
	w->ptr += len;
	w->left -= len;
}

static void put_u16(struct writer *w, uint16_t v)
{
	const uint8_t b[U16_SIZE] = { v >> 8, v };
	put_bytes(w, b, sizeof(b));
}

static void put_u32(struct writer *w, uint32_t v)
{
	const uint8_t b[U32_SIZE] = { v >> 24, v >> 16, v >> 8, v };
	put_bytes(w, b, sizeof(b));
}

static void put_u64(struct writer *w, uint64_t v)
{
	put_u32(w, v >> 32);
	put_u32(w, v);
}

static void put_tlv(struct writer *w, enum resume_tlv_type type, const void *value, size_t len)
{
	passert(len <= UINT16_MAX);
	put_u16(w, type);
	put_u16(w, len);
	put_bytes(w, value, len);
}

static void put_tlv_u64(struct writer *w, enum resume_tlv_type type, uint64_t v)
{
	put_u16(w, type);
	put_u16(w, U64_SIZE);
	put_u64(w, v);
}

/*
 * Readers: bounds-checked; false when the input is too short.
 */

static bool get_u16(shunk_t *in, uint16_t *v)
{
	const uint8_t *p = hunk_get(in, U16_SIZE);
	if (p == NULL) {
		return false;
	}
	*v = (p[0] << 8) | p[1];
	return true;
}

static uint32_t read_u32(const uint8_t *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static uint64_t read_u64(const uint8_t *p)
{
	return ((uint64_t)read_u32(p) << 32) | read_u32(p + U32_SIZE);
}

static size_t tlv_size(size_t value_len)
{
	return TLV_HEADER_SIZE + value_len;
}

static bool optional(shunk_t s)
{
	return s.len > 0;
}

chunk_t resume_ticket_encode_state(const struct resume_ticket_state *s)
{
	size_t size = (tlv_size(RESUME_TICKET_ID_SIZE) +
		       tlv_size(s->idi.len) +
		       tlv_size(s->idr.len) +
		       tlv_size(1) +
		       tlv_size(U64_SIZE) +
		       tlv_size(U64_SIZE) +
		       tlv_size(RESUME_TICKET_SPI_SIZE) +
		       tlv_size(RESUME_TICKET_SPI_SIZE) +
		       tlv_size(TRANSFORMS_SIZE) +
		       tlv_size(s->sk_d.len) +
		       (optional(s->conn_name) ? tlv_size(s->conn_name.len) : 0) +
		       (s->flags != 0 ? tlv_size(U32_SIZE) : 0) +
		       (optional(s->ppk_id) ? tlv_size(s->ppk_id.len) : 0) +
		       (optional(s->peer_ca) ? tlv_size(s->peer_ca.len) : 0) +
		       (s->local_auth != 0 ? tlv_size(1) : 0));
	chunk_t out = alloc_chunk(size, "resume ticket plaintext");
	struct writer w = { .ptr = out.ptr, .left = out.len, };

	put_tlv(&w, RESUME_TLV_TICKET_ID, s->ticket_id, RESUME_TICKET_ID_SIZE);
	put_tlv(&w, RESUME_TLV_IDI, s->idi.ptr, s->idi.len);
	put_tlv(&w, RESUME_TLV_IDR, s->idr.ptr, s->idr.len);
	put_tlv(&w, RESUME_TLV_PEER_AUTH, &s->peer_auth, 1);
	put_tlv_u64(&w, RESUME_TLV_AUTH_TIME, s->auth_time);
	put_tlv_u64(&w, RESUME_TLV_EXPIRY, s->expiry);
	put_tlv(&w, RESUME_TLV_SPI_I, s->spi_i, RESUME_TICKET_SPI_SIZE);
	put_tlv(&w, RESUME_TLV_SPI_R, s->spi_r, RESUME_TICKET_SPI_SIZE);
	put_u16(&w, RESUME_TLV_TRANSFORMS);
	put_u16(&w, TRANSFORMS_SIZE);
	put_u16(&w, s->transforms.encr);
	put_u16(&w, s->transforms.encr_keylen);
	put_u16(&w, s->transforms.prf);
	put_u16(&w, s->transforms.integ);
	put_u16(&w, s->transforms.dh);
	put_tlv(&w, RESUME_TLV_SK_D, s->sk_d.ptr, s->sk_d.len);
	if (optional(s->conn_name)) {
		put_tlv(&w, RESUME_TLV_CONN_NAME, s->conn_name.ptr, s->conn_name.len);
	}
	if (s->flags != 0) {
		put_u16(&w, RESUME_TLV_FLAGS);
		put_u16(&w, U32_SIZE);
		put_u32(&w, s->flags);
	}
	if (optional(s->ppk_id)) {
		put_tlv(&w, RESUME_TLV_PPK_ID, s->ppk_id.ptr, s->ppk_id.len);
	}
	if (optional(s->peer_ca)) {
		put_tlv(&w, RESUME_TLV_PEER_CA, s->peer_ca.ptr, s->peer_ca.len);
	}
	if (s->local_auth != 0) {
		put_tlv(&w, RESUME_TLV_LOCAL_AUTH, &s->local_auth, 1);
	}
	passert(w.left == 0);
	return out;
}

/*
 * One bit per known TLV, for duplicate and missing checks.
 */

static unsigned tlv_bit(uint16_t type)
{
	return 1u << (type & ~RESUME_TLV_CRITICAL);
}

static const unsigned required_tlvs =
	(1u << (RESUME_TLV_TICKET_ID & ~RESUME_TLV_CRITICAL)) |
	(1u << (RESUME_TLV_IDI & ~RESUME_TLV_CRITICAL)) |
	(1u << (RESUME_TLV_IDR & ~RESUME_TLV_CRITICAL)) |
	(1u << (RESUME_TLV_PEER_AUTH & ~RESUME_TLV_CRITICAL)) |
	(1u << (RESUME_TLV_AUTH_TIME & ~RESUME_TLV_CRITICAL)) |
	(1u << (RESUME_TLV_EXPIRY & ~RESUME_TLV_CRITICAL)) |
	(1u << (RESUME_TLV_SPI_I & ~RESUME_TLV_CRITICAL)) |
	(1u << (RESUME_TLV_SPI_R & ~RESUME_TLV_CRITICAL)) |
	(1u << (RESUME_TLV_TRANSFORMS & ~RESUME_TLV_CRITICAL)) |
	(1u << (RESUME_TLV_SK_D & ~RESUME_TLV_CRITICAL));

static bool id_payload_ok(shunk_t v)
{
	return v.len > ID_PAYLOAD_HEADER_SIZE && v.len <= RESUME_TICKET_MAX_ID_SIZE;
}

/* an empty optional value is the same as none (the encoder omits both) */
static shunk_t optional_value(shunk_t v)
{
	return (v.len == 0 ? null_shunk : v);
}

/* store one known TLV's value; false if its length is wrong */
static bool decode_tlv(uint16_t type, shunk_t v, struct resume_ticket_state *s)
{
	const uint8_t *p = v.ptr;
	switch (type) {
	case RESUME_TLV_TICKET_ID:
		if (v.len != RESUME_TICKET_ID_SIZE) return false;
		memcpy(s->ticket_id, p, v.len);
		return true;
	case RESUME_TLV_IDI:
		s->idi = v;
		return id_payload_ok(v);
	case RESUME_TLV_IDR:
		s->idr = v;
		return id_payload_ok(v);
	case RESUME_TLV_PEER_AUTH:
		if (v.len != 1) return false;
		s->peer_auth = p[0];
		return true;
	case RESUME_TLV_AUTH_TIME:
		if (v.len != U64_SIZE) return false;
		s->auth_time = read_u64(p);
		return true;
	case RESUME_TLV_EXPIRY:
		if (v.len != U64_SIZE) return false;
		s->expiry = read_u64(p);
		return true;
	case RESUME_TLV_SPI_I:
		if (v.len != RESUME_TICKET_SPI_SIZE) return false;
		memcpy(s->spi_i, p, v.len);
		return true;
	case RESUME_TLV_SPI_R:
		if (v.len != RESUME_TICKET_SPI_SIZE) return false;
		memcpy(s->spi_r, p, v.len);
		return true;
	case RESUME_TLV_TRANSFORMS:
	{
		if (v.len != TRANSFORMS_SIZE) return false;
		uint16_t *fields[] = {
			&s->transforms.encr, &s->transforms.encr_keylen,
			&s->transforms.prf, &s->transforms.integ, &s->transforms.dh,
		};
		for (unsigned i = 0; i < elemsof(fields); i++) {
			passert(get_u16(&v, fields[i]));
		}
		return true;
	}
	case RESUME_TLV_SK_D:
		/* wrapped: a whole number of blocks, at least one of key */
		s->sk_d = v;
		return (v.len > RESUME_TICKET_WRAP_OVERHEAD &&
			v.len <= RESUME_TICKET_MAX_SK_D_SIZE + RESUME_TICKET_WRAP_OVERHEAD &&
			v.len % RESUME_TICKET_WRAP_BLOCK == 0);
	case RESUME_TLV_CONN_NAME:
		s->conn_name = optional_value(v);
		return v.len <= MAX_CONN_NAME_SIZE;
	case RESUME_TLV_FLAGS:
		if (v.len != U32_SIZE) return false;
		s->flags = read_u32(p);
		return true;
	case RESUME_TLV_PPK_ID:
		s->ppk_id = optional_value(v);
		return v.len <= MAX_PPK_ID_SIZE;
	case RESUME_TLV_PEER_CA:
		s->peer_ca = optional_value(v);
		return v.len <= RESUME_TICKET_MAX_PEER_CA_SIZE;
	case RESUME_TLV_LOCAL_AUTH:
		/* the code itself is the glue's to judge, as peer_auth's */
		if (v.len != 1) return false;
		s->local_auth = p[0];
		return true;
	}
	/* known_tlv() let through a type this does not store */
	return false;
}

static bool known_tlv(uint16_t type)
{
	switch (type) {
	case RESUME_TLV_TICKET_ID:
	case RESUME_TLV_IDI:
	case RESUME_TLV_IDR:
	case RESUME_TLV_PEER_AUTH:
	case RESUME_TLV_AUTH_TIME:
	case RESUME_TLV_EXPIRY:
	case RESUME_TLV_SPI_I:
	case RESUME_TLV_SPI_R:
	case RESUME_TLV_TRANSFORMS:
	case RESUME_TLV_SK_D:
	case RESUME_TLV_CONN_NAME:
	case RESUME_TLV_FLAGS:
	case RESUME_TLV_PPK_ID:
	case RESUME_TLV_PEER_CA:
	case RESUME_TLV_LOCAL_AUTH:
		return true;
	}
	return false;
}

enum resume_ticket_status resume_ticket_decode_state(shunk_t in,
						     struct resume_ticket_state *s)
{
	zero(s);
	unsigned seen = 0;
	while (in.len > 0) {
		uint16_t type, len;
		if (!get_u16(&in, &type) || !get_u16(&in, &len)) {
			return RESUME_TICKET_MALFORMED_TLV;
		}
		const void *value = hunk_get(&in, len);
		if (value == NULL) {
			return RESUME_TICKET_MALFORMED_TLV;
		}
		if (!known_tlv(type)) {
			if (type & RESUME_TLV_CRITICAL) {
				return RESUME_TICKET_UNKNOWN_CRITICAL_TLV;
			}
			continue;	/* a later version's extra; skip it */
		}
		if (seen & tlv_bit(type)) {
			return RESUME_TICKET_DUPLICATE_TLV;
		}
		seen |= tlv_bit(type);
		if (!decode_tlv(type, shunk2(value, len), s)) {
			return RESUME_TICKET_MALFORMED_TLV;
		}
	}
	if ((seen & required_tlvs) != required_tlvs) {
		return RESUME_TICKET_MISSING_TLV;
	}
	return RESUME_TICKET_OK;
}

enum resume_ticket_status resume_ticket_parse_header(shunk_t ticket,
						     struct resume_ticket_header *h)
{
	zero(h);
	if (ticket.len > RESUME_TICKET_MAX_SIZE) {
		return RESUME_TICKET_TOO_BIG;
	}
	if (ticket.len < RESUME_TICKET_HEADER_SIZE + RESUME_TICKET_TAG_SIZE + TLV_HEADER_SIZE) {
		return RESUME_TICKET_TRUNCATED;
	}
	const uint8_t *p = ticket.ptr;
	h->version = p[0];
	h->flags = p[1];
	h->reserved = (p[2] << 8) | p[3];
	memcpy(h->key_id, p + 4, RESUME_TICKET_KEY_ID_SIZE);
	memcpy(h->nonce, p + 4 + RESUME_TICKET_KEY_ID_SIZE, RESUME_TICKET_NONCE_SIZE);
	if (h->version != RESUME_TICKET_VERSION) {
		return RESUME_TICKET_BAD_VERSION;
	}
	if (h->flags != 0 || h->reserved != 0) {
		return RESUME_TICKET_BAD_HEADER;
	}
	return RESUME_TICKET_OK;
}

static CK_GCM_PARAMS_V3 gcm_params(uint8_t *nonce, uint8_t *aad)
{
	return (CK_GCM_PARAMS_V3) {
		.pIv = nonce,
		.ulIvLen = RESUME_TICKET_NONCE_SIZE,
		.ulIvBits = RESUME_TICKET_NONCE_SIZE * BITS_IN_BYTE,
		.pAAD = aad,
		.ulAADLen = RESUME_TICKET_HEADER_SIZE,
		.ulTagBits = RESUME_TICKET_TAG_SIZE * BITS_IN_BYTE,
	};
}

chunk_t resume_ticket_seal(PK11SymKey *key,
			   const uint8_t key_id[RESUME_TICKET_KEY_ID_SIZE],
			   shunk_t plaintext, struct logger *logger)
{
	size_t size = RESUME_TICKET_HEADER_SIZE + plaintext.len + RESUME_TICKET_TAG_SIZE;
	if (size > RESUME_TICKET_MAX_SIZE) {
		llog(RC_LOG, logger, "resume ticket of %zu bytes would exceed the %u byte limit",
		     size, (unsigned)RESUME_TICKET_MAX_SIZE);
		return empty_chunk;
	}
	chunk_t ticket = alloc_chunk(size, "resume ticket");
	uint8_t *header = ticket.ptr;
	header[0] = RESUME_TICKET_VERSION;
	/* flags and reserved stay 0 */
	memcpy(header + 4, key_id, RESUME_TICKET_KEY_ID_SIZE);
	uint8_t *nonce = header + 4 + RESUME_TICKET_KEY_ID_SIZE;
	/*
	 * Random 96-bit nonces: keys persist across restarts, so an
	 * in-memory counter could repeat.  Rotation bounds the number
	 * of tickets per key far below the 2^32 random-nonce limit
	 * (NIST SP 800-38D 8.3).
	 */
	if (PK11_GenerateRandom(nonce, RESUME_TICKET_NONCE_SIZE) != SECSuccess) {
		llog_nss_error(RC_LOG, logger, "generating resume ticket nonce failed");
		free_chunk_content(&ticket);
		return empty_chunk;
	}
	CK_GCM_PARAMS_V3 gcm = gcm_params(nonce, header);
	SECItem param = {
		.type = siBuffer,
		.data = (void *)&gcm,
		.len = sizeof(gcm),
	};
	unsigned int out_len = 0;
	SECStatus rv = PK11_Encrypt(key, CKM_AES_GCM, &param,
				    header + RESUME_TICKET_HEADER_SIZE, &out_len,
				    ticket.len - RESUME_TICKET_HEADER_SIZE,
				    plaintext.ptr, plaintext.len);
	if (rv != SECSuccess || out_len != plaintext.len + RESUME_TICKET_TAG_SIZE) {
		llog_nss_error(RC_LOG, logger, "sealing resume ticket failed");
		free_chunk_content(&ticket);
		return empty_chunk;
	}
	return ticket;
}

enum resume_ticket_status resume_ticket_open(PK11SymKey *key, shunk_t ticket,
					     chunk_t *plaintext)
{
	*plaintext = empty_chunk;
	/* resume_ticket_parse_header() has vetted the length */
	passert(ticket.len >= RESUME_TICKET_HEADER_SIZE + RESUME_TICKET_TAG_SIZE);
	/* NSS wants writable parameters; work on copies */
	uint8_t header[RESUME_TICKET_HEADER_SIZE];
	memcpy(header, ticket.ptr, sizeof(header));
	uint8_t nonce[RESUME_TICKET_NONCE_SIZE];
	memcpy(nonce, header + 4 + RESUME_TICKET_KEY_ID_SIZE, sizeof(nonce));
	CK_GCM_PARAMS_V3 gcm = gcm_params(nonce, header);
	SECItem param = {
		.type = siBuffer,
		.data = (void *)&gcm,
		.len = sizeof(gcm),
	};
	size_t sealed_len = ticket.len - RESUME_TICKET_HEADER_SIZE;
	chunk_t out = alloc_chunk(sealed_len, "resume ticket plaintext");
	unsigned int out_len = 0;
	SECStatus rv = PK11_Decrypt(key, CKM_AES_GCM, &param, out.ptr, &out_len, out.len,
				    (const uint8_t *)ticket.ptr + RESUME_TICKET_HEADER_SIZE,
				    sealed_len);
	if (rv != SECSuccess || out_len != sealed_len - RESUME_TICKET_TAG_SIZE) {
		free_resume_ticket_plaintext(&out);
		return RESUME_TICKET_TAG_FAILURE;
	}
	out.len = out_len;
	*plaintext = out;
	return RESUME_TICKET_OK;
}

void free_resume_ticket_plaintext(chunk_t *plaintext)
{
	if (plaintext->ptr != NULL) {
		/* it holds SK_d; volatile so the wipe is not optimised away */
		volatile uint8_t *p = plaintext->ptr;
		for (size_t i = 0; i < plaintext->len; i++) {
			p[i] = 0;
		}
	}
	free_chunk_content(plaintext);
}
