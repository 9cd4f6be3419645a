/* IKEv2 session resumption (RFC 5723): the revocation store's format, for libreswan
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
 * The gateway's revocations on disk (pluto's ikev2_resume_revocation.c
 * decides what they mean), all integers in network order:
 *
 *   header   "LSRV" | version (1) | 3 zeros | written (u64 s) | records (u32) | 4 zeros
 *   record   kind (u8) | 7 zeros | key (16) | made (u64 s) | expiry (u64 s)
 *   MAC      HMAC-SHA256(MAC key, header | records)
 *
 * Both keys are HKDF-SHA256 of one derive-only AES-256 token key of
 * the NSS DB, labelled RESUME_REVSTORE_KEY_LABEL, derived inside NSS:
 * one MACs the file, the other hashes peer IDs, so the file holds no
 * ID in the clear.  Nothing here touches the file system or the clock.
 */

#ifndef IKEV2_RESUME_REVSTORE_H
#define IKEV2_RESUME_REVSTORE_H

#include <stdbool.h>
#include <stdint.h>
#include <pk11pub.h>

#include "chunk.h"
#include "shunk.h"
#include "diag.h"
#include "realtime.h"
#include "ikev2_resume_ticket.h"	/* for RESUME_TICKET_ID_SIZE */

struct logger;

#define RESUME_REVSTORE_KEY_LABEL	"ikev2-resume-revocations"
/* each kind; past it a revocation is refused, and a store not loaded */
#define RESUME_REVSTORE_MAX_TICKETS	100000
#define RESUME_REVSTORE_MAX_PEERS	100000
#define RESUME_REVSTORE_MAX_RECORDS	(RESUME_REVSTORE_MAX_TICKETS + RESUME_REVSTORE_MAX_PEERS + 1)
#define RESUME_REVSTORE_MAX_SIZE	(24 + RESUME_REVSTORE_MAX_RECORDS * 40 + 32)

enum resume_revstore_kind {
	RESUME_REVOKED_TICKET = 1,	/* key = the ticket_id */
	RESUME_REVOKED_PEER = 2,	/* key = resume_revstore_peer_key() */
	RESUME_REVOCATIONS_LOST = 3,	/* key = zeros: everything authenticated until "made" */
};

struct resume_revstore_record {
	enum resume_revstore_kind kind;
	uint8_t key[RESUME_TICKET_ID_SIZE];
	realtime_t made;
	realtime_t expiry;
};

struct resume_revstore_keys {
	PK11SymKey *mac;
	PK11SymKey *peer;
	bool persistent;	/* from a token key: usable after a restart */
};

/*
 * Find SLOT's key, or make one; failing that a session key, so that
 * revocations still work until the process ends (KEYS->persistent
 * false).  NULL, or why there are no keys at all.
 */
diag_t resume_revstore_find_or_make_keys(PK11SlotInfo *slot, struct resume_revstore_keys *keys,
					 struct logger *logger);
void free_resume_revstore_keys(struct resume_revstore_keys *keys);

/* the key of a peer revocation: the peer's ID as text, keyed */
void resume_revstore_peer_key(const struct resume_revstore_keys *keys, const char *peer,
			      uint8_t key[RESUME_TICKET_ID_SIZE], struct logger *logger);

/* the store of NR RECORDS, written at NOW */
chunk_t resume_revstore_encode(const struct resume_revstore_record *records, unsigned nr,
			       realtime_t now, const struct resume_revstore_keys *keys,
			       struct logger *logger);

/*
 * Check CONTENT whole, then hand each record to RECORD, which returns
 * NULL or why it can not take it.  NULL, or why the store can not be
 * trusted (nothing was handed over when it fails its check).
 */
typedef const char *(resume_revstore_record_fn)(const struct resume_revstore_record *record,
						void *context);
const char *resume_revstore_decode(shunk_t content, const struct resume_revstore_keys *keys,
				   resume_revstore_record_fn *record, void *context,
				   struct logger *logger);

#endif
