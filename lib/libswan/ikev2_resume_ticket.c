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

#include "ikev2_resume_ticket.h"
#include "ikev2_resume_wipe.h"
#include "lswalloc.h"
#include "passert.h"
#include "enum_names.h"
#include "lswcdefs.h"		/* for ARRAY_REF() */
#include "hunk.h"		/* for hunk_get(), raw_ntoh(), hton_chunk() */

#define TLV_HEADER_SIZE		4
#define U16_SIZE		2
#define U32_SIZE		4
#define U64_SIZE		8
#define TRANSFORMS_SIZE		(5 * U16_SIZE)
#define ID_PAYLOAD_HEADER_SIZE	4	/* ID type, 3 reserved */
#define MAX_CONN_NAME_SIZE	255
#define MAX_PPK_ID_SIZE		255

static const char *const status_name[] = {
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
	[RESUME_TICKET_BAD_SK_D] = "SK_d does not unwrap",
};

const struct enum_names resume_ticket_status_names = {
	RESUME_TICKET_OK, RESUME_TICKET_STATUS_ROOF - 1,
	ARRAY_REF(status_name),
	NULL, NULL,
};

const char *resume_ticket_status_name(enum resume_ticket_status status)
{
	if (status >= RESUME_TICKET_STATUS_ROOF) {
		return "unknown reason";
	}
	return status_name[status];
}

/*
 * Writer: the exact size is computed first, so running out of room is
 * our bug, not the peer's.
 */

static chunk_t put_space(chunk_t *out, size_t len)
{
	passert(out->len >= len);
	chunk_t field = chunk2(out->ptr, len);
	out->ptr += len;
	out->len -= len;
	return field;
}

static void put_bytes(chunk_t *out, const void *bytes, size_t len)
{
	chunk_t field = put_space(out, len);
	if (len > 0) {
		memcpy(field.ptr, bytes, len);
	}
}

/* V as SIZE octets, network byte order */
static void put_number(chunk_t *out, uintmax_t v, size_t size)
{
	hton_chunk(v, put_space(out, size));
}

static void put_tlv_header(chunk_t *out, enum resume_tlv_type type, size_t len)
{
	passert(len <= UINT16_MAX);
	put_number(out, type, U16_SIZE);
	put_number(out, len, U16_SIZE);
}

static void put_tlv(chunk_t *out, enum resume_tlv_type type, const void *value, size_t len)
{
	put_tlv_header(out, type, len);
	put_bytes(out, value, len);
}

static void put_tlv_number(chunk_t *out, enum resume_tlv_type type, uintmax_t v, size_t size)
{
	put_tlv_header(out, type, size);
	put_number(out, v, size);
}

/*
 * Reader, the only one: the next field of IN, bounds-checked; false
 * (IN unchanged) when IN is too short.  A number is as wide as FIELD,
 * in network byte order.
 */

#define get_number(IN, FIELD)						\
	({								\
		const void *gn_p_ = hunk_get(IN, sizeof(*(FIELD)));	\
		if (gn_p_ != NULL) {					\
			*(FIELD) = raw_ntoh(gn_p_, sizeof(*(FIELD)));	\
		}							\
		gn_p_ != NULL;						\
	})

#define get_bytes(IN, ARRAY)						\
	({								\
		const void *gb_p_ = hunk_get(IN, sizeof(ARRAY));	\
		if (gb_p_ != NULL) {					\
			memcpy(ARRAY, gb_p_, sizeof(ARRAY));		\
		}							\
		gb_p_ != NULL;						\
	})

/* what is left of IN, all of it */
static shunk_t get_rest(shunk_t *in)
{
	shunk_t rest = *in;
	*in = empty_shunk;
	return rest;
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
	chunk_t w = out;

	put_tlv(&w, RESUME_TLV_TICKET_ID, s->ticket_id, RESUME_TICKET_ID_SIZE);
	put_tlv(&w, RESUME_TLV_IDI, s->idi.ptr, s->idi.len);
	put_tlv(&w, RESUME_TLV_IDR, s->idr.ptr, s->idr.len);
	put_tlv_number(&w, RESUME_TLV_PEER_AUTH, s->peer_auth, 1);
	put_tlv_number(&w, RESUME_TLV_AUTH_TIME, s->auth_time, U64_SIZE);
	put_tlv_number(&w, RESUME_TLV_EXPIRY, s->expiry, U64_SIZE);
	put_tlv(&w, RESUME_TLV_SPI_I, s->spi_i, RESUME_TICKET_SPI_SIZE);
	put_tlv(&w, RESUME_TLV_SPI_R, s->spi_r, RESUME_TICKET_SPI_SIZE);
	put_tlv_header(&w, RESUME_TLV_TRANSFORMS, TRANSFORMS_SIZE);
	put_number(&w, s->transforms.encr, U16_SIZE);
	put_number(&w, s->transforms.encr_keylen, U16_SIZE);
	put_number(&w, s->transforms.prf, U16_SIZE);
	put_number(&w, s->transforms.integ, U16_SIZE);
	put_number(&w, s->transforms.dh, U16_SIZE);
	put_tlv(&w, RESUME_TLV_SK_D, s->sk_d.ptr, s->sk_d.len);
	if (optional(s->conn_name)) {
		put_tlv(&w, RESUME_TLV_CONN_NAME, s->conn_name.ptr, s->conn_name.len);
	}
	if (s->flags != 0) {
		put_tlv_number(&w, RESUME_TLV_FLAGS, s->flags, U32_SIZE);
	}
	if (optional(s->ppk_id)) {
		put_tlv(&w, RESUME_TLV_PPK_ID, s->ppk_id.ptr, s->ppk_id.len);
	}
	if (optional(s->peer_ca)) {
		put_tlv(&w, RESUME_TLV_PEER_CA, s->peer_ca.ptr, s->peer_ca.len);
	}
	if (s->local_auth != 0) {
		put_tlv_number(&w, RESUME_TLV_LOCAL_AUTH, s->local_auth, 1);
	}
	passert(w.len == 0);
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
	bool ok;
	switch (type) {
	case RESUME_TLV_TICKET_ID:
		ok = get_bytes(&v, s->ticket_id);
		break;
	case RESUME_TLV_IDI:
		s->idi = get_rest(&v);
		ok = id_payload_ok(s->idi);
		break;
	case RESUME_TLV_IDR:
		s->idr = get_rest(&v);
		ok = id_payload_ok(s->idr);
		break;
	case RESUME_TLV_PEER_AUTH:
		ok = get_number(&v, &s->peer_auth);
		break;
	case RESUME_TLV_AUTH_TIME:
		ok = get_number(&v, &s->auth_time);
		break;
	case RESUME_TLV_EXPIRY:
		ok = get_number(&v, &s->expiry);
		break;
	case RESUME_TLV_SPI_I:
		ok = get_bytes(&v, s->spi_i);
		break;
	case RESUME_TLV_SPI_R:
		ok = get_bytes(&v, s->spi_r);
		break;
	case RESUME_TLV_TRANSFORMS:
		ok = (get_number(&v, &s->transforms.encr) &&
		      get_number(&v, &s->transforms.encr_keylen) &&
		      get_number(&v, &s->transforms.prf) &&
		      get_number(&v, &s->transforms.integ) &&
		      get_number(&v, &s->transforms.dh));
		break;
	case RESUME_TLV_SK_D:
		/* wrapped: a whole number of blocks, at least one of key */
		s->sk_d = get_rest(&v);
		ok = (s->sk_d.len > RESUME_TICKET_WRAP_OVERHEAD &&
		      s->sk_d.len <= RESUME_TICKET_MAX_SK_D_SIZE + RESUME_TICKET_WRAP_OVERHEAD &&
		      s->sk_d.len % RESUME_TICKET_WRAP_BLOCK == 0);
		break;
	case RESUME_TLV_CONN_NAME:
		s->conn_name = optional_value(get_rest(&v));
		ok = s->conn_name.len <= MAX_CONN_NAME_SIZE;
		break;
	case RESUME_TLV_FLAGS:
		ok = get_number(&v, &s->flags);
		break;
	case RESUME_TLV_PPK_ID:
		s->ppk_id = optional_value(get_rest(&v));
		ok = s->ppk_id.len <= MAX_PPK_ID_SIZE;
		break;
	case RESUME_TLV_PEER_CA:
		s->peer_ca = optional_value(get_rest(&v));
		ok = s->peer_ca.len <= RESUME_TICKET_MAX_PEER_CA_SIZE;
		break;
	case RESUME_TLV_LOCAL_AUTH:
		/* the code itself is the glue's to judge, as peer_auth's */
		ok = get_number(&v, &s->local_auth);
		break;
	default:
		/* known_tlv() let through a type this does not store */
		return false;
	}
	/* a fixed-size value is exactly its size */
	return ok && v.len == 0;
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
		if (!get_number(&in, &type) || !get_number(&in, &len)) {
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

void resume_ticket_encode_header(const struct resume_ticket_header *h,
				 uint8_t out[RESUME_TICKET_HEADER_SIZE])
{
	chunk_t w = chunk2(out, RESUME_TICKET_HEADER_SIZE);
	put_number(&w, h->version, sizeof(h->version));
	put_number(&w, h->flags, sizeof(h->flags));
	put_number(&w, h->reserved, sizeof(h->reserved));
	put_bytes(&w, h->key_id, sizeof(h->key_id));
	put_bytes(&w, h->nonce, sizeof(h->nonce));
	passert(w.len == 0);
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
	/* the length check above leaves room for every field */
	shunk_t in = ticket;
	if (!(get_number(&in, &h->version) &&
	      get_number(&in, &h->flags) &&
	      get_number(&in, &h->reserved) &&
	      get_bytes(&in, h->key_id) &&
	      get_bytes(&in, h->nonce))) {
		return RESUME_TICKET_TRUNCATED;
	}
	if (h->version != RESUME_TICKET_VERSION) {
		return RESUME_TICKET_BAD_VERSION;
	}
	if (h->flags != 0 || h->reserved != 0) {
		return RESUME_TICKET_BAD_HEADER;
	}
	return RESUME_TICKET_OK;
}

void free_resume_ticket_plaintext(chunk_t *plaintext)
{
	/* it holds SK_d (wrapped) and the peer's identities */
	free_secret_chunk_content(plaintext);
}
