/* unit tests of the RFC 5723 ticket codec and key ring, for libreswan
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
 *
 * usage: _resumecheck NSSDIR
 *        _resumecheck --bench NSSDIR [ROUNDS]
 *   NSSDIR: an empty, password-less NSS DB this test may fill
 * Prints one line per check and "N passed, M failed"; with --bench,
 * the cost of sealing and of opening one ticket (median and 90th
 * percentile of ROUNDS, default 20000), and of loading a full
 * revocation store, printed, never asserted.
 */

#define _GNU_SOURCE	/* memmem() */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lswtool.h"
#include "lswnss.h"
#include "lswalloc.h"
#include "lswlog.h"
#include "ikev2_resume_ticket.h"
#include "ikev2_resume_keyring.h"
#include "ikev2_resume_replay.h"
#include "ikev2_resume_wipe.h"
#include "resumecheck.h"

unsigned passed, failed;

#define CHECK_STATUS(GOT, WANT, WHAT)					\
	CHECK((GOT) == (WANT), "%s: got '%s', wanted '%s'", WHAT,	\
	      resume_ticket_status_name(GOT), resume_ticket_status_name(WANT))

static const uint8_t idi_body[] = { 2/*ID_FQDN*/, 0, 0, 0, 'w', 'e', 's', 't', };
static const uint8_t idr_body[] = { 2/*ID_FQDN*/, 0, 0, 0, 'e', 'a', 's', 't', };
static const uint8_t sk_d[32] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, };
static const char conn_name[] = "west-east";
/* the issuer DN of the peer's certificate: the codec only carries it */
static const uint8_t peer_ca_dn[] = { 0x30, 0x0d, 0x31, 0x0b, 0x30, 0x09, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x02, 'C', 'A', };


/* pluto's defaults */
static const struct resume_keyring_policy default_policy = {
	.rotation = DELTATIME_INIT(12 * HOUR),
	.ticket_lifetime = DELTATIME_INIT(24 * HOUR),
};

static struct resume_ticket_state sample_state(void)
{
	struct resume_ticket_state s = {
		.ticket_id = { 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
			       0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf, },
		.idi = THING_AS_SHUNK(idi_body),
		.idr = THING_AS_SHUNK(idr_body),
		.peer_auth = 2,
		.auth_time = NOW - HOUR,
		.expiry = NOW + HOUR,
		.spi_i = { 1, 1, 1, 1, 1, 1, 1, 1, },
		.spi_r = { 2, 2, 2, 2, 2, 2, 2, 2, },
		.transforms = { .encr = 20, .encr_keylen = 256, .prf = 7, .integ = 0, .dh = 19, },
		.sk_d = THING_AS_SHUNK(sk_d),
		.conn_name = shunk2(conn_name, strlen(conn_name)),
		.flags = 0x1,
		.peer_ca = THING_AS_SHUNK(peer_ca_dn),
		.local_auth = 3,
	};
	return s;
}

static bool same_state(const struct resume_ticket_state *a, const struct resume_ticket_state *b)
{
	return (memeq(a->ticket_id, b->ticket_id, sizeof(a->ticket_id)) &&
		hunk_eq(a->idi, b->idi) && hunk_eq(a->idr, b->idr) &&
		a->peer_auth == b->peer_auth &&
		a->auth_time == b->auth_time && a->expiry == b->expiry &&
		memeq(a->spi_i, b->spi_i, sizeof(a->spi_i)) &&
		memeq(a->spi_r, b->spi_r, sizeof(a->spi_r)) &&
		memeq(&a->transforms, &b->transforms, sizeof(a->transforms)) &&
		hunk_eq(a->sk_d, b->sk_d) && hunk_eq(a->conn_name, b->conn_name) &&
		a->flags == b->flags && hunk_eq(a->ppk_id, b->ppk_id) &&
		hunk_eq(a->peer_ca, b->peer_ca) && a->local_auth == b->local_auth);
}

/* append one raw TLV to a plaintext */
static void add_tlv(chunk_t *plain, uint16_t type, const void *value, uint16_t len)
{
	uint8_t hdr[4] = { type >> 8, type, len >> 8, len, };
	append_chunk_bytes("tlv", plain, hdr, sizeof(hdr));
	append_chunk_bytes("tlv", plain, value, len);
}

static void check_codec(void)
{
	struct resume_ticket_state in = sample_state(), out;
	chunk_t plain = resume_ticket_encode_state(&in);
	CHECK_STATUS(resume_ticket_decode_state(HUNK_AS_SHUNK(plain), &out), RESUME_TICKET_OK,
		     "round trip");
	CHECK(same_state(&in, &out), "round trip: decoded state differs");

	/*
	 * Every truncation is refused, and none reads past the end;
	 * only cutting whole optional TLVs off the end may still decode.
	 */
	struct resume_ticket_state required_only = in;
	required_only.conn_name = empty_shunk;
	required_only.flags = 0;
	required_only.peer_ca = empty_shunk;
	required_only.local_auth = 0;
	chunk_t required = resume_ticket_encode_state(&required_only);
	for (size_t len = 0; len < plain.len; len++) {
		enum resume_ticket_status st = resume_ticket_decode_state(shunk2(plain.ptr, len), &out);
		bool ok = (st == RESUME_TICKET_MALFORMED_TLV || st == RESUME_TICKET_MISSING_TLV ||
			   (st == RESUME_TICKET_OK && len >= required.len));
		if (!CHECK(ok, "truncated to %zu: got '%s'", len, resume_ticket_status_name(st))) {
			break;
		}
	}
	free_chunk_content(&required);

	/* unknown non-critical TLVs are skipped; critical ones refused */
	chunk_t extra = clone_hunk(plain, "extra");
	add_tlv(&extra, 0x0777, "x", 1);
	CHECK_STATUS(resume_ticket_decode_state(HUNK_AS_SHUNK(extra), &out), RESUME_TICKET_OK,
		     "unknown non-critical TLV");
	CHECK(same_state(&in, &out), "unknown non-critical TLV changed the state");
	add_tlv(&extra, RESUME_TLV_CRITICAL | 0x0777, "x", 1);
	CHECK_STATUS(resume_ticket_decode_state(HUNK_AS_SHUNK(extra), &out),
		     RESUME_TICKET_UNKNOWN_CRITICAL_TLV, "unknown critical TLV");
	free_chunk_content(&extra);

	/* duplicates */
	chunk_t dup = clone_hunk(plain, "dup");
	add_tlv(&dup, RESUME_TLV_SK_D, sk_d, sizeof(sk_d));
	CHECK_STATUS(resume_ticket_decode_state(HUNK_AS_SHUNK(dup), &out),
		     RESUME_TICKET_DUPLICATE_TLV, "duplicate SK_d");
	free_chunk_content(&dup);

	/* a required TLV missing */
	struct resume_ticket_state no_sk_d = in;
	chunk_t missing = empty_chunk;
	no_sk_d.sk_d = empty_shunk;
	chunk_t enc = resume_ticket_encode_state(&no_sk_d);
	/* an empty SK_d is malformed, so drop its TLV (the 4 bytes) entirely */
	const uint8_t *p = enc.ptr;
	for (size_t off = 0; off + 4 <= enc.len; ) {
		uint16_t type = (p[off] << 8) | p[off + 1];
		uint16_t len = (p[off + 2] << 8) | p[off + 3];
		if (type != RESUME_TLV_SK_D) {
			add_tlv(&missing, type, p + off + 4, len);
		}
		off += 4 + len;
	}
	CHECK_STATUS(resume_ticket_decode_state(HUNK_AS_SHUNK(missing), &out),
		     RESUME_TICKET_MISSING_TLV, "no SK_d");
	free_chunk_content(&enc);
	free_chunk_content(&missing);

	/* wrong fixed lengths and out-of-range values */
	static const struct { uint16_t type; uint16_t len; } bad_lengths[] = {
		{ RESUME_TLV_TICKET_ID, RESUME_TICKET_ID_SIZE - 1, },
		{ RESUME_TLV_PEER_AUTH, 2, },
		{ RESUME_TLV_EXPIRY, 4, },
		{ RESUME_TLV_SPI_I, 7, },
		{ RESUME_TLV_TRANSFORMS, 11, },
		{ RESUME_TLV_SK_D, RESUME_TICKET_MAX_SK_D_SIZE + 1, },
		{ RESUME_TLV_SK_D, 0, },
		{ RESUME_TLV_IDI, 4, },
		{ RESUME_TLV_FLAGS, 8, },
		{ RESUME_TLV_LOCAL_AUTH, 2, },
		{ RESUME_TLV_PEER_CA, RESUME_TICKET_MAX_PEER_CA_SIZE + 1, },
	};
	static const uint8_t zeros[RESUME_TICKET_MAX_PEER_CA_SIZE + 1];
	for (unsigned i = 0; i < elemsof(bad_lengths); i++) {
		chunk_t bad = empty_chunk;
		add_tlv(&bad, bad_lengths[i].type, zeros, bad_lengths[i].len);
		append_chunk_hunk("bad", &bad, plain);
		CHECK_STATUS(resume_ticket_decode_state(HUNK_AS_SHUNK(bad), &out),
			     RESUME_TICKET_MALFORMED_TLV, "bad length");
		free_chunk_content(&bad);
	}
	/* a TLV whose length runs past the end */
	chunk_t overrun = clone_hunk(plain, "overrun");
	uint8_t hdr[4] = { 0, 0x0b, 0xff, 0xff, };
	append_chunk_bytes("overrun", &overrun, hdr, sizeof(hdr));
	CHECK_STATUS(resume_ticket_decode_state(HUNK_AS_SHUNK(overrun), &out),
		     RESUME_TICKET_MALFORMED_TLV, "length past the end");
	free_chunk_content(&overrun);
	free_chunk_content(&plain);
	printf("codec: round trip, truncation, unknown/duplicate/missing/malformed TLVs\n");
}

static void check_header(void)
{
	struct resume_ticket_header h;
	uint8_t buf[RESUME_TICKET_MAX_SIZE + 1] = { RESUME_TICKET_VERSION, };
	shunk_t ok = shunk2(buf, RESUME_TICKET_HEADER_SIZE + RESUME_TICKET_TAG_SIZE + 4);
	CHECK_STATUS(resume_ticket_parse_header(ok, &h), RESUME_TICKET_OK, "minimal header");
	CHECK_STATUS(resume_ticket_parse_header(shunk2(buf, ok.len - 1), &h),
		     RESUME_TICKET_TRUNCATED, "short");
	CHECK_STATUS(resume_ticket_parse_header(shunk2(buf, sizeof(buf)), &h),
		     RESUME_TICKET_TOO_BIG, "over the limit");
	buf[0] = 2;
	CHECK_STATUS(resume_ticket_parse_header(ok, &h), RESUME_TICKET_BAD_VERSION, "version 2");
	buf[0] = RESUME_TICKET_VERSION;
	buf[1] = 1;
	CHECK_STATUS(resume_ticket_parse_header(ok, &h), RESUME_TICKET_BAD_HEADER, "flags");
	buf[1] = 0;
	buf[3] = 1;
	CHECK_STATUS(resume_ticket_parse_header(ok, &h), RESUME_TICKET_BAD_HEADER, "reserved");
	/* 5.2's tickets (856 zero bytes after a 4-byte magic) are refused cheaply */
	uint8_t stock[856] = {0};
	CHECK_STATUS(resume_ticket_parse_header(THING_AS_SHUNK(stock), &h),
		     RESUME_TICKET_BAD_VERSION, "a 5.2 ticket");
	/* what the sealer writes is what the parser reads */
	struct resume_ticket_header made = { .version = RESUME_TICKET_VERSION, };
	for (unsigned i = 0; i < sizeof(made.key_id); i++) {
		made.key_id[i] = 0xa0 + i;
	}
	for (unsigned i = 0; i < sizeof(made.nonce); i++) {
		made.nonce[i] = 0x10 + i;
	}
	zero(&buf);
	resume_ticket_encode_header(&made, buf);
	CHECK(buf[0] == RESUME_TICKET_VERSION && buf[4] == 0xa0 &&
	      buf[4 + RESUME_TICKET_KEY_ID_SIZE] == 0x10,
	      "the header's layout");
	CHECK_STATUS(resume_ticket_parse_header(ok, &h), RESUME_TICKET_OK, "an encoded header");
	CHECK(memeq(&h, &made, sizeof(h)), "the header round trip");
	printf("header: size limits, version, flags, reserved, a 5.2 ticket, round trip\n");
}

static void check_wipe(void)
{
	uint8_t secret[RESUME_CLUSTER_SEED_SIZE];
	memset(secret, 0xa5, sizeof(secret));
	wipe_secret_thing(secret);
	bool zeroed = true;
	for (unsigned i = 0; i < sizeof(secret); i++) {
		zeroed &= (secret[i] == 0);
	}
	CHECK(zeroed, "wipe_secret_thing() left bytes");
	chunk_t c = alloc_chunk(sizeof(secret), "secret");
	memset(c.ptr, 0xa5, c.len);
	free_secret_chunk_content(&c);
	CHECK(c.ptr == NULL && c.len == 0, "free_secret_chunk_content()");
	wipe_secret_bytes(NULL, 0);
	printf("wipe: an array, a chunk, nothing\n");
}

static unsigned count_token_keys(PK11SlotInfo *slot)
{
	unsigned n = 0;
	PK11SymKey *next;
	for (PK11SymKey *k = PK11_ListFixedKeysInSlot(slot, NULL, NULL); k != NULL; k = next) {
		next = PK11_GetNextSymKey(k);
		char *label = PK11_GetSymKeyNickname(k);
		/* any ring's: "ikev2-resume:" or "ikev2-resume-client:" */
		if (label != NULL && strncmp(label, "ikev2-resume", strlen("ikev2-resume")) == 0) {
			n++;
		}
		PORT_Free(label);
		PK11_FreeSymKey(k);
	}
	return n;
}

/*
 * The key ring wraps SK_d inside NSS: seal the sample's SK_d as a key,
 * and check that what opens is that key again, and that the ticket
 * held it wrapped, not in the clear.
 */
static PK11SymKey *sample_sk_d;

static chunk_t seal_ticket(struct resume_keyring *ring,
			   const struct resume_ticket_state *state,
			   realtime_t now, struct logger *logger)
{
	if (sample_sk_d == NULL) {
		SECItem item = same_shunk_as_secitem(THING_AS_SHUNK(sk_d), siBuffer);
		/* where pluto's IKE keys live, not the DB's slot */
		PK11SlotInfo *slot = PK11_GetBestSlot(CKM_AES_KEY_GEN, NULL);
		passert(slot != NULL);
		sample_sk_d = PK11_ImportSymKey(slot, CKM_EXTRACT_KEY_FROM_KEY,
						PK11_OriginUnwrap, CKA_DERIVE, &item, NULL);
		PK11_FreeSlot(slot);
		passert(sample_sk_d != NULL);
	}
	return resume_keyring_advance_and_seal_ticket(ring, state, sample_sk_d, now, logger);
}

static enum resume_ticket_status open_ticket(const struct resume_keyring *ring,
					     shunk_t ticket, realtime_t now,
					     chunk_t *plaintext,
					     struct resume_ticket_state *state)
{
	PK11SymKey *opened;
	enum resume_ticket_status status =
		resume_keyring_open_ticket(ring, ticket, now, plaintext, state, &opened,
					   &global_logger);
	if (status != RESUME_TICKET_OK) {
		CHECK(opened == NULL, "a refused ticket returned an SK_d");
		return status;
	}
	CHECK(state->sk_d.len == sizeof(sk_d) + RESUME_TICKET_WRAP_OVERHEAD &&
	      memmem(plaintext->ptr, plaintext->len, sk_d, sizeof(sk_d)) == NULL,
	      "SK_d is not wrapped in the ticket");
	CHECK(PK11_ExtractKeyValue(opened) == SECSuccess &&
	      PK11_GetKeyData(opened)->len == sizeof(sk_d) &&
	      memeq(PK11_GetKeyData(opened)->data, sk_d, sizeof(sk_d)),
	      "the unwrapped SK_d differs");
	PK11_FreeSymKey(opened);
	/* as sealed, for the state comparisons */
	state->sk_d = THING_AS_SHUNK(sk_d);
	return status;
}

static void check_keyring(PK11SlotInfo *slot, struct logger *logger)
{
	realtime_t now = realtime(NOW);
	struct resume_keyring *ring;
	diag_t d = resume_keyring_open(&ring, slot, &default_policy, NULL, now, logger);
	if (!CHECK(d == NULL, "open: %s", d == NULL ? "" : str_diag(d))) {
		pfree_diag(&d);
		return;
	}
	CHECK(ring->nr_keys == 1 && count_token_keys(slot) == 1,
	      "a fresh DB gets one key, in the token (%u, %u)", ring->nr_keys, count_token_keys(slot));
	uint8_t first_id[RESUME_TICKET_KEY_ID_SIZE];
	memcpy(first_id, ring->keys[0].id, sizeof(first_id));

	/* seal and open */
	struct resume_ticket_state in = sample_state(), out;
	chunk_t ticket = seal_ticket(ring, &in, now, logger);
	CHECK(ticket.len > 0, "seal");
	chunk_t plain;
	CHECK_STATUS(open_ticket(ring, HUNK_AS_SHUNK(ticket), now, &plain, &out),
		     RESUME_TICKET_OK, "open");
	CHECK(same_state(&in, &out), "opened state differs");
	free_resume_ticket_plaintext(&plain);

	/* two seals of one state differ (random nonce) */
	chunk_t again = seal_ticket(ring, &in, now, logger);
	CHECK(again.len == ticket.len && !memeq(again.ptr, ticket.ptr, ticket.len),
	      "two tickets of one state are identical");
	free_chunk_content(&again);

	/* every single-bit flip is refused */
	unsigned flips = 0, refused = 0;
	for (size_t byte = 0; byte < ticket.len; byte++) {
		for (unsigned bit = 0; bit < 8; bit++) {
			uint8_t *p = ticket.ptr;
			p[byte] ^= 1 << bit;
			enum resume_ticket_status st =
				open_ticket(ring, HUNK_AS_SHUNK(ticket), now, &plain, &out);
			flips++;
			if (st != RESUME_TICKET_OK) {
				refused++;
			}
			p[byte] ^= 1 << bit;
		}
	}
	CHECK(flips == refused, "%u of %u single-bit flips accepted", flips - refused, flips);
	printf("keyring: %u single-bit flips of a %zu-byte ticket, all refused\n", flips, ticket.len);

	/* expiry of the ticket itself */
	CHECK_STATUS(open_ticket(ring, HUNK_AS_SHUNK(ticket),
						realtime(in.expiry), &plain, &out),
		     RESUME_TICKET_EXPIRED, "at expiry");

	/* a restart: close, reopen, same key, the ticket still opens */
	resume_keyring_close(&ring);
	d = resume_keyring_open(&ring, slot, &default_policy, NULL, now, logger);
	CHECK(d == NULL && ring->nr_keys == 1 && memeq(ring->keys[0].id, first_id, sizeof(first_id)),
	      "reopen finds the same key");
	CHECK_STATUS(open_ticket(ring, HUNK_AS_SHUNK(ticket), now, &plain, &out),
		     RESUME_TICKET_OK, "open after reopen");
	free_resume_ticket_plaintext(&plain);

	/* rotation: a new key seals, the old one still opens */
	realtime_t later = realtime(NOW + HOUR / 2);
	d = resume_keyring_rotate(ring, later, logger);
	CHECK(d == NULL && ring->nr_keys == 2 && count_token_keys(slot) == 2, "rotate");
	const struct resume_key *sealing = resume_keyring_advance_to_sealing_key(ring, later, logger);
	CHECK(sealing != NULL && !memeq(sealing->id, first_id, sizeof(first_id)),
	      "after rotation the new key seals");
	CHECK(resume_key_role(ring, &ring->keys[0], later) == RESUME_KEY_OPENS &&
	      resume_key_role(ring, sealing, later) == RESUME_KEY_SEALS,
	      "after rotation the old key only opens");
	CHECK_STATUS(open_ticket(ring, HUNK_AS_SHUNK(ticket), later, &plain, &out),
		     RESUME_TICKET_OK, "old ticket after rotation");
	free_resume_ticket_plaintext(&plain);
	/* the rotation interval passes on its own: a third key */
	realtime_t next_day = realtime(NOW + HOUR / 2 + 12 * HOUR);
	sealing = resume_keyring_advance_to_sealing_key(ring, next_day, logger);
	CHECK(sealing != NULL && ring->nr_keys == 3, "clock-driven rotation (%u keys)", ring->nr_keys);

	/* past retention the first key is deleted from the token */
	realtime_t past = realtime(NOW + 36 * HOUR);
	resume_keyring_expire(ring, past, logger);
	CHECK(ring->nr_keys == 2 && count_token_keys(slot) == 2,
	      "expire deletes the first key (%u, %u)", ring->nr_keys, count_token_keys(slot));
	CHECK_STATUS(open_ticket(ring, HUNK_AS_SHUNK(ticket), past, &plain, &out),
		     RESUME_TICKET_UNKNOWN_KEY, "ticket of a deleted key");

	/* purge: every key goes; a fresh one is made on demand */
	resume_keyring_purge(ring, logger);
	CHECK(ring->nr_keys == 0 && count_token_keys(slot) == 0, "purge");
	CHECK(resume_keyring_advance_to_sealing_key(ring, past, logger) != NULL && count_token_keys(slot) == 1,
	      "a key after purge");
	free_chunk_content(&ticket);
	resume_keyring_close(&ring);

	/* bad policy */
	const struct resume_keyring_policy too_many = {
		.rotation = deltatime(1), .ticket_lifetime = deltatime(HOUR),
	};
	d = resume_keyring_policy_check(&too_many);
	CHECK(d != NULL, "a policy needing %d keys accepted", HOUR);
	pfree_diag(&d);
	printf("keyring: create, seal/open, reopen, rotate, expire, purge, policy\n");
}

/*
 * Two rings in one DB, the gateway's and the client store's: neither
 * sees, opens with, expires or purges the other's keys.
 */
static void check_label_prefix(PK11SlotInfo *slot, struct logger *logger)
{
	realtime_t now = realtime(NOW);
	struct resume_keyring_policy client_policy = default_policy;
	client_policy.label_prefix = "ikev2-resume-client:";
	struct resume_keyring *gateway, *client;
	diag_t d = resume_keyring_open(&gateway, slot, &default_policy, NULL, now, logger);
	if (!CHECK(d == NULL, "open gateway ring")) {
		pfree_diag(&d);
		return;
	}
	unsigned gateway_keys = gateway->nr_keys;
	d = resume_keyring_open(&client, slot, &client_policy, NULL, now, logger);
	if (!CHECK(d == NULL, "open client ring")) {
		pfree_diag(&d);
		resume_keyring_close(&gateway);
		return;
	}
	CHECK(client->nr_keys == 1 && count_token_keys(slot) == gateway_keys + 1,
	      "the client ring made its own key (%u, %u)", client->nr_keys, count_token_keys(slot));
	CHECK(!memeq(client->keys[0].id, gateway->keys[0].id, RESUME_TICKET_KEY_ID_SIZE),
	      "the rings share a key");

	struct resume_ticket_state in = sample_state(), out;
	chunk_t record = seal_ticket(client, &in, now, logger);
	chunk_t plain;
	CHECK_STATUS(open_ticket(client, HUNK_AS_SHUNK(record), now, &plain, &out),
		     RESUME_TICKET_OK, "the client ring opens its record");
	free_resume_ticket_plaintext(&plain);
	CHECK_STATUS(open_ticket(gateway, HUNK_AS_SHUNK(record), now, &plain, &out),
		     RESUME_TICKET_UNKNOWN_KEY, "the gateway ring opens a client record");
	chunk_t ticket = seal_ticket(gateway, &in, now, logger);
	CHECK_STATUS(open_ticket(client, HUNK_AS_SHUNK(ticket), now, &plain, &out),
		     RESUME_TICKET_UNKNOWN_KEY, "the client ring opens a gateway ticket");
	free_chunk_content(&record);
	free_chunk_content(&ticket);

	/* a purge of one leaves the other's keys */
	resume_keyring_purge(client, logger);
	CHECK(count_token_keys(slot) == gateway_keys && gateway->nr_keys == gateway_keys,
	      "purging the client ring touched the gateway's keys");
	resume_keyring_close(&client);
	resume_keyring_close(&gateway);

	struct resume_keyring_policy long_prefix = default_policy;
	long_prefix.label_prefix = "a-label-prefix-longer-than-thirty-two-characters:";
	d = resume_keyring_policy_check(&long_prefix);
	CHECK(d != NULL, "a too long label prefix accepted");
	pfree_diag(&d);
	printf("keyring: rings with different label prefixes share a DB, apart\n");
}

static bool is_cluster_key(const struct resume_key *key, uint32_t epoch)
{
	uint8_t id[RESUME_TICKET_KEY_ID_SIZE] = {
		'c', 'l', 's', 't', epoch >> 24, epoch >> 16, epoch >> 8, epoch,
	};
	return memeq(key->id, id, sizeof(id));
}

static struct resume_keyring *open_member(PK11SlotInfo *slot,
					  const struct resume_keyring_policy *policy,
					  const struct resume_cluster_seed *seed,
					  realtime_t now, struct logger *logger)
{
	struct resume_keyring *ring;
	diag_t d = resume_keyring_open(&ring, slot, policy, seed, now, logger);
	if (!CHECK(d == NULL, "cluster open: %s", d == NULL ? "" : str_diag(d))) {
		pfree_diag(&d);
		return NULL;
	}
	return ring;
}

static void check_cluster(PK11SlotInfo *slot, struct logger *logger)
{
	const struct resume_keyring_policy policy = {
		.rotation = deltatime(HOUR),
		.ticket_lifetime = deltatime(2 * HOUR),
		.cluster = true,
	};
	realtime_t now = realtime(NOW);
	const uint32_t epoch = NOW / HOUR;
	struct resume_cluster_seed seed = { .epoch = epoch - 5, };
	for (unsigned i = 0; i < sizeof(seed.bytes); i++) {
		seed.bytes[i] = i * 7 + 1;
	}

	/* start from an empty DB */
	struct resume_keyring *ring = open_member(slot, &policy, &seed, now, logger);
	if (ring == NULL) {
		return;
	}
	resume_keyring_purge(ring, logger);
	resume_keyring_close(&ring);

	/* member A: seeded five epochs ago, catches up */
	ring = open_member(slot, &policy, &seed, now, logger);
	if (ring == NULL) {
		return;
	}
	/* kept: epochs still opening (now-2, now-1), sealing (now), next (now+1) */
	CHECK(ring->nr_keys == 4 && count_token_keys(slot) == 4,
	      "cluster ring holds %u keys (%u in the token), wanted 4",
	      ring->nr_keys, count_token_keys(slot));
	const struct resume_key *sealing = resume_keyring_advance_to_sealing_key(ring, now, logger);
	CHECK(sealing != NULL && is_cluster_key(sealing, epoch), "cluster sealing key is epoch %u's", epoch);
	CHECK(is_cluster_key(&ring->keys[ring->nr_keys - 1], epoch + 1) &&
	      resume_key_role(ring, &ring->keys[ring->nr_keys - 1], now) == RESUME_KEY_OPENS,
	      "the next epoch's key is there, opening only");
	diag_t d = resume_keyring_rotate(ring, now, logger);
	CHECK(d != NULL, "rotation accepted in cluster mode");
	pfree_diag(&d);
	struct resume_ticket_state in = sample_state(), out;
	chunk_t ticket = seal_ticket(ring, &in, now, logger);
	CHECK(ticket.len > 0, "cluster seal");

	/* member B: a fresh DB with the same seed opens A's ticket */
	resume_keyring_purge(ring, logger);
	resume_keyring_close(&ring);
	ring = open_member(slot, &policy, &seed, now, logger);
	if (ring == NULL) {
		return;
	}
	chunk_t plain;
	CHECK_STATUS(open_ticket(ring, HUNK_AS_SHUNK(ticket), now, &plain, &out),
		     RESUME_TICKET_OK, "another member opens the ticket");
	free_resume_ticket_plaintext(&plain);
	/* a restart without the seed finds the ratchet in the DB */
	resume_keyring_close(&ring);
	ring = open_member(slot, &policy, NULL, now, logger);
	if (ring == NULL) {
		return;
	}
	CHECK_STATUS(open_ticket(ring, HUNK_AS_SHUNK(ticket), now, &plain, &out),
		     RESUME_TICKET_OK, "open after a restart without the seed");
	free_resume_ticket_plaintext(&plain);

	/* forward secrecy: past retention, epoch NOW's key is gone for good */
	realtime_t later = realtime(NOW + 4 * HOUR);
	resume_keyring_refresh(ring, later, logger);
	CHECK(resume_keyring_find(ring, ticket.ptr + 4, later) == NULL,
	      "epoch %u's key outlived its retention", epoch);
	CHECK(is_cluster_key(resume_keyring_advance_to_sealing_key(ring, later, logger), epoch + 4),
	      "the ratchet follows the clock");

	/* a cluster with another seed: same key id, other key */
	resume_keyring_purge(ring, logger);
	resume_keyring_close(&ring);
	struct resume_cluster_seed other = seed;
	other.bytes[0] ^= 1;
	ring = open_member(slot, &policy, &other, now, logger);
	if (ring == NULL) {
		return;
	}
	CHECK_STATUS(open_ticket(ring, HUNK_AS_SHUNK(ticket), now, &plain, &out),
		     RESUME_TICKET_TAG_FAILURE, "another cluster's ticket");
	resume_keyring_purge(ring, logger);
	resume_keyring_close(&ring);
	free_chunk_content(&ticket);
	printf("cluster: seed, catch-up, shared key ids, restart, forward secrecy, other seed\n");
}

static void make_id(uint8_t id[RESUME_TICKET_ID_SIZE], unsigned n)
{
	/* spread like random ids, but reproducible */
	for (unsigned i = 0; i < RESUME_TICKET_ID_SIZE; i++) {
		n = n * 1103515245 + 12345;
		id[i] = n >> 16;
	}
}

static void check_replay(void)
{
	realtime_t now = realtime(NOW);
	realtime_t expiry = realtime(NOW + HOUR);
	struct resume_replay_cache *cache = alloc_resume_replay_cache(100);
	uint8_t a[RESUME_TICKET_ID_SIZE], b[RESUME_TICKET_ID_SIZE];
	make_id(a, 1);
	make_id(b, 2);
	CHECK(!resume_replay_seen(cache, a, now), "an unused ticket is seen");
	CHECK(resume_replay_check(cache, a, now) == RESUME_REPLAY_ROOM, "no room for an unused ticket");
	CHECK(resume_replay_record(cache, a, expiry, now) == RESUME_REPLAY_RECORDED, "record");
	CHECK(resume_replay_seen(cache, a, now), "a used ticket is not seen");
	CHECK(!resume_replay_seen(cache, b, now), "another ticket is seen");
	CHECK(resume_replay_record(cache, a, expiry, now) == RESUME_REPLAY_DUPLICATE, "second use recorded");
	/* until the ticket expires, then it is forgotten (and refused as expired anyway) */
	CHECK(!resume_replay_seen(cache, a, expiry), "remembered past its expiry");
	CHECK(resume_replay_record(cache, b, now, now) == RESUME_REPLAY_RECORDED &&
	      resume_replay_entries(cache) == 1, "an expired ticket takes no entry");

	/* lookup returns when a record was made; renew moves both times */
	realtime_t got = realtime(0);
	CHECK(resume_replay_lookup(cache, a, now, &got) &&
	      realtime_cmp(got, ==, now), "lookup does not return when the record was made");
	CHECK(!resume_replay_lookup(cache, b, now, &got), "lookup finds what was never recorded");
	CHECK(!resume_replay_lookup(cache, a, expiry, &got), "lookup finds an expired record");
	realtime_t later = realtime(NOW + 2 * HOUR);
	realtime_t earlier = realtime(NOW - HOUR);
	CHECK(resume_replay_renew(cache, a, earlier, later, now) == RESUME_REPLAY_RECORDED &&
	      resume_replay_lookup(cache, a, now, &got) && realtime_cmp(got, ==, earlier) &&
	      resume_replay_entries(cache) == 1, "renew does not move an existing record");
	CHECK(resume_replay_lookup(cache, a, expiry, &got),
	      "a renewed record is forgotten at its old expiry");
	CHECK(resume_replay_renew(cache, b, earlier, expiry, now) == RESUME_REPLAY_RECORDED &&
	      resume_replay_lookup(cache, b, now, &got) && realtime_cmp(got, ==, earlier) &&
	      resume_replay_entries(cache) == 2,
	      "renew does not record what was not there, made when it says");
	/* every live record once, with its times */
	unsigned cursor = 0, walked = 0;
	uint8_t wid[RESUME_TICKET_ID_SIZE];
	realtime_t wmade, wexpiry;
	while (resume_replay_next(cache, &cursor, now, wid, &wmade, &wexpiry)) {
		walked++;
		CHECK((memcmp(wid, a, sizeof(wid)) == 0 && realtime_cmp(wexpiry, ==, later)) ||
		      (memcmp(wid, b, sizeof(wid)) == 0 && realtime_cmp(wexpiry, ==, expiry)),
		      "the walk returns a record with other times");
	}
	CHECK(walked == 2, "the walk does not return each live record once");
	/* back to one live record, a, for the cap checks below */
	CHECK(resume_replay_renew(cache, b, now, now, now) == RESUME_REPLAY_RECORDED &&
	      !resume_replay_seen(cache, b, now), "renewing to now does not end a record");
	cursor = walked = 0;
	while (resume_replay_next(cache, &cursor, now, wid, &wmade, &wexpiry)) {
		walked++;
	}
	CHECK(walked == 1, "the walk returns an ended record");
	resume_replay_sweep(cache, now);
	CHECK(resume_replay_entries(cache) == 1, "a sweep keeps an ended record");
	CHECK(resume_replay_renew(cache, a, now, expiry, now) == RESUME_REPLAY_RECORDED,
	      "renew back to the first expiry");

	/* the cap: fail closed when full of live tickets, sweep the dead */
	unsigned recorded = 1;
	for (unsigned n = 10; recorded < resume_replay_max_entries(cache); n++) {
		uint8_t id[RESUME_TICKET_ID_SIZE];
		make_id(id, n);
		if (resume_replay_record(cache, id, expiry, now) == RESUME_REPLAY_RECORDED) {
			recorded++;
		}
	}
	uint8_t c[RESUME_TICKET_ID_SIZE];
	make_id(c, 3);
	CHECK(resume_replay_record(cache, c, expiry, now) == RESUME_REPLAY_FULL &&
	      resume_replay_check(cache, c, now) == RESUME_REPLAY_FULL,
	      "a full cache recorded another ticket");
	CHECK(resume_replay_record(cache, c, realtime(NOW + 2 * HOUR), expiry) == RESUME_REPLAY_RECORDED &&
	      resume_replay_entries(cache) == 1, "expired entries were not swept when full");
	free_resume_replay_cache(&cache);

	/* growth: every id of many stays found */
	cache = alloc_resume_replay_cache(RESUME_REPLAY_DEFAULT_ENTRIES);
	const unsigned many = 50000;
	for (unsigned n = 0; n < many; n++) {
		uint8_t id[RESUME_TICKET_ID_SIZE];
		make_id(id, n);
		resume_replay_record(cache, id, expiry, now);
	}
	unsigned found = 0;
	for (unsigned n = 0; n < many; n++) {
		uint8_t id[RESUME_TICKET_ID_SIZE];
		make_id(id, n);
		found += resume_replay_seen(cache, id, now);
	}
	CHECK(found == many && resume_replay_entries(cache) == many,
	      "%u of %u used tickets found", found, many);
	free_resume_replay_cache(&cache);
	printf("replay: single use, expiry, cap (fail closed, sweep), growth to %u entries\n", many);
}

double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp_double(const void *l, const void *r)
{
	double a = *(const double *)l, b = *(const double *)r;
	return (a > b) - (a < b);
}

static void report(const char *what, double *us, unsigned n)
{
	qsort(us, n, sizeof(us[0]), cmp_double);
	printf("%-28s median %7.2f us   p90 %7.2f us   (%u rounds)\n",
	       what, us[n / 2], us[n * 9 / 10], n);
}

static void bench(PK11SlotInfo *slot, unsigned rounds, struct logger *logger)
{
	realtime_t now = realtime(NOW);
	struct resume_keyring *ring;
	diag_t d = resume_keyring_open(&ring, slot, &default_policy, NULL, now, logger);
	if (d != NULL) {
		fprintf(stderr, "%s\n", str_diag(d));
		exit(1);
	}
	double *seal_us = alloc_things(double, rounds, "seal");
	double *open_us = alloc_things(double, rounds, "open");
	struct resume_ticket_state in = sample_state(), out;
	size_t size = 0;
	for (unsigned i = 0; i < rounds; i++) {
		double t0 = now_us();
		chunk_t ticket = seal_ticket(ring, &in, now, logger);
		double t1 = now_us();
		chunk_t plain;
		PK11SymKey *opened;
		/* as pluto does it: no checks of the SK_d that comes out */
		enum resume_ticket_status st =
			resume_keyring_open_ticket(ring, HUNK_AS_SHUNK(ticket), now,
						   &plain, &out, &opened, &global_logger);
		double t2 = now_us();
		if (st != RESUME_TICKET_OK) {
			fprintf(stderr, "open failed: %s\n", resume_ticket_status_name(st));
			exit(1);
		}
		PK11_FreeSymKey(opened);
		size = ticket.len;
		free_resume_ticket_plaintext(&plain);
		free_chunk_content(&ticket);
		seal_us[i] = t1 - t0;
		open_us[i] = t2 - t1;
	}
	printf("ticket format v1, AES-256-GCM in NSS, %zu-byte ticket (SK_d %zu bytes, wrapped)\n",
	       size, sizeof(sk_d));
	report("seal (wrap SK_d + encode + AEAD)", seal_us, rounds);
	report("open (parse + AEAD + decode + unwrap SK_d)", open_us, rounds);

	pfree(seal_us);
	pfree(open_us);

	/* the single-use cache at its default cap */
	const unsigned entries = RESUME_REPLAY_DEFAULT_ENTRIES, batch = 1000;
	struct resume_replay_cache *cache = alloc_resume_replay_cache(entries);
	realtime_t expiry = realtime(NOW + HOUR);
	double *record_ns = alloc_things(double, entries / batch, "record");
	double *lookup_ns = alloc_things(double, entries / batch, "lookup");
	for (unsigned b = 0; b < entries / batch; b++) {
		double t0 = now_us();
		for (unsigned n = b * batch; n < (b + 1) * batch; n++) {
			uint8_t id[RESUME_TICKET_ID_SIZE];
			make_id(id, n);
			resume_replay_record(cache, id, expiry, now);
		}
		record_ns[b] = (now_us() - t0) * 1000 / batch;
	}
	unsigned found = 0;
	for (unsigned b = 0; b < entries / batch; b++) {
		double t0 = now_us();
		for (unsigned n = b * batch; n < (b + 1) * batch; n++) {
			uint8_t id[RESUME_TICKET_ID_SIZE];
			make_id(id, n);
			found += resume_replay_seen(cache, id, now);
		}
		lookup_ns[b] = (now_us() - t0) * 1000 / batch;
	}
	printf("single-use cache: %u live tickets (%u found) in %.1f MiB\n",
	       resume_replay_entries(cache), found,
	       resume_replay_memory(cache) / (1024.0 * 1024.0));
	qsort(record_ns, entries / batch, sizeof(double), cmp_double);
	qsort(lookup_ns, entries / batch, sizeof(double), cmp_double);
	printf("%-28s median %7.0f ns (batches of %u; includes growth)\n", "record", record_ns[entries / batch / 2], batch);
	printf("%-28s median %7.0f ns (batches of %u)\n", "lookup", lookup_ns[entries / batch / 2], batch);
	pfree(record_ns);
	pfree(lookup_ns);
	free_resume_replay_cache(&cache);
	resume_keyring_purge(ring, logger);
	resume_keyring_close(&ring);
	bench_revstore(slot, logger);
}

int main(int argc, char *argv[])
{
	struct logger *logger = tool_logger(argc, argv);
	if (argc >= 3 && streq(argv[1], "--bench")) {
		unsigned rounds = (argc > 3 ? strtoul(argv[3], NULL, 10) : 20000);
		if (rounds == 0) {
			rounds = 1;
		}
		init_nss(argv[2], (struct nss_flags) {0}, logger);
		PK11SlotInfo *slot = lsw_nss_get_authenticated_slot(logger);
		if (slot == NULL) {
			exit(1);
		}
		bench(slot, rounds, logger);
		if (sample_sk_d != NULL) {
			PK11_FreeSymKey(sample_sk_d);
		}
		PK11_FreeSlot(slot);
		shutdown_nss();
		exit(0);
	}
	if (argc != 2) {
		fprintf(stderr, "usage: %s NSSDIR | --bench NSSDIR [ROUNDS]\n", argv[0]);
		exit(2);
	}
	check_codec();
	check_header();
	check_wipe();
	check_replay();

	init_nss(argv[1], (struct nss_flags) {0}, logger);
	PK11SlotInfo *slot = lsw_nss_get_authenticated_slot(logger);
	if (!CHECK(slot != NULL, "no NSS slot")) {
		exit(1);
	}
	check_keyring(slot, logger);
	check_label_prefix(slot, logger);
	check_cluster(slot, logger);
	check_revstore(slot, logger);
	if (sample_sk_d != NULL) {
		PK11_FreeSymKey(sample_sk_d);
	}
	PK11_FreeSlot(slot);
	shutdown_nss();

	printf("%u passed, %u failed\n", passed, failed);
	if (report_leaks(logger)) {
		printf("leaks\n");
		failed++;
	}
	exit(failed == 0 ? 0 : 1);
}
