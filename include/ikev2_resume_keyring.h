/* IKEv2 session resumption (RFC 5723) ticket key ring, for libreswan
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
 * The keys that seal resumption tickets live in pluto's own NSS DB as
 * persistent (CKA_TOKEN), sensitive, non-extractable AES-256 secret
 * keys labelled
 *
 *     ikev2-resume:<created, seconds since epoch>:<key_id, 16 hex>
 *
 * so a restarted pluto finds them again and its tickets keep working
 * (RFC 5723 6.2: the key must outlive IKE SAs).  Such a stored key only
 * derives: the key that seals tickets is HKDF-SHA256(stored key,
 * info=RESUME_KEY_HKDF_INFO), derived inside NSS into a session object
 * when the key is loaded.  That keeps the stored key to one purpose
 * (R-9.5-3), and sealing fast: softoken reaches into its database on
 * every operation with a token object.  A second key derived the same
 * way (info=RESUME_KEY_WRAP_INFO) wraps the IKE SA's SK_d with AES key
 * wrap with padding (RFC 5649) before it goes into the ticket, so SK_d
 * never leaves NSS in the clear: not when a ticket is sealed, not when
 * one is opened (upstream #1931's concern; and NSS in FIPS mode refuses
 * to hand a sensitive key's bytes out at all).
 *
 * A key's role follows from the clock, never from stored state:
 *
 *   [created, created+rotation)                 seals and opens
 *   [created+rotation, +ticket_lifetime)        opens only
 *   later                                       deleted from the token
 *
 * Every ticket sealed under a key expires before the key is deleted,
 * because a ticket never lives longer than ticket_lifetime.  Deleting
 * it revokes every ticket it sealed (forward secrecy for old tickets).
 *
 * Cluster mode: gateways that must open each other's tickets share a
 * ratchet instead of random keys.  An operator provisions the same
 * seed, for epoch e0, on every member once; each derives inside NSS
 *
 *     K(e0)   = HKDF-SHA256(seed, info=RESUME_CLUSTER_SEED_INFO)
 *     K(e+1)  = HKDF-SHA256(K(e), info=RESUME_CLUSTER_RATCHET_INFO | e+1)
 *
 * where epoch e covers [e*rotation, (e+1)*rotation) of the wall clock,
 * and keeps K(e) as an ordinary ring key: id "clst" | e, created
 * e*rotation.  So every member seals epoch e's tickets with the same
 * key and id; each also derives K(e+1) ahead of time, to open tickets
 * from a member whose clock runs ahead.  Deleting K(e) past retention
 * makes it unrecoverable from later keys: today's key does not open
 * yesterday's tickets.  Keys rotate with the clock only.
 *
 * Nothing here knows about IKE; "now" is always a parameter.
 */

#ifndef IKEV2_RESUME_KEYRING_H
#define IKEV2_RESUME_KEYRING_H

#include <pk11pub.h>

#include "diag.h"
#include "realtime.h"
#include "deltatime.h"
#include "lset.h"
#include "ikev2_resume_ticket.h"	/* for RESUME_TICKET_KEY_ID_SIZE */
#include "ikev2_resume_keystore.h"	/* for resume_hkdf_session_key() */
#include "ikev2_resume_cluster.h"	/* for struct resume_cluster_seed */

struct logger;
struct jambuf;

#define RESUME_KEY_LABEL_PREFIX		"ikev2-resume:"
#define RESUME_KEY_LABEL_PREFIX_MAX	32
#define RESUME_KEY_SIZE			32	/* AES-256 */
#define RESUME_KEY_HKDF_INFO		"libreswan ikev2-resume ticket v1 AES-256-GCM"
#define RESUME_KEY_WRAP_INFO		"libreswan ikev2-resume ticket v1 SK_d AES-256-KWP"
/* the ring is ceil(ticket_lifetime/rotation)+1 keys; refuse more */
#define RESUME_KEYRING_MAX_KEYS		64

struct resume_keyring_policy {
	deltatime_t rotation;		/* a key seals new tickets this long */
	deltatime_t ticket_lifetime;	/* the longest a ticket may live */
	bool cluster;			/* keys come from the shared ratchet */
	/*
	 * The labels of this ring's keys start with this; NULL is
	 * RESUME_KEY_LABEL_PREFIX.  Rings with different prefixes in
	 * one DB never see each other's keys.
	 */
	const char *label_prefix;
};

struct resume_key {
	uint8_t id[RESUME_TICKET_KEY_ID_SIZE];
	realtime_t created;
	PK11SymKey *stored;	/* token object; derives only */
	PK11SymKey *symkey;	/* session object; seals and opens tickets */
	PK11SymKey *wrapkey;	/* session object; wraps and unwraps SK_d */
	PK11SymKey *ike_wrapkey; /* the same, moved once to SK_d's slot, or NULL */
};

enum resume_key_role {
	RESUME_KEY_SEALS,
	RESUME_KEY_OPENS,
	RESUME_KEY_EXPIRED,
};

struct resume_keyring {
	PK11SlotInfo *slot;
	struct resume_keyring_policy policy;
	unsigned nr_keys;
	struct resume_key keys[RESUME_KEYRING_MAX_KEYS];	/* oldest first */
};

diag_t resume_keyring_policy_check(const struct resume_keyring_policy *policy);

/*
 * Find this DB's keys, delete the expired ones, and make sure one key
 * seals.  A diag (read-only DB, no login, ...) means resumption can't
 * be offered; the ring is then NULL.
 */
diag_t resume_keyring_open(struct resume_keyring **ring, PK11SlotInfo *slot,
			   const struct resume_keyring_policy *policy,
			   const struct resume_cluster_seed *seed,
			   realtime_t now, struct logger *logger);
void resume_keyring_close(struct resume_keyring **ring);

/*
 * Bring RING up to NOW and return the key that seals: in a cluster the
 * ratchet advances (ikev2_resume_cluster.h); when no key seals, the
 * expired ones are deleted and a new one created in the token.  NULL
 * after logging.
 */
const struct resume_key *resume_keyring_advance_to_sealing_key(struct resume_keyring *ring,
							       realtime_t now,
							       struct logger *logger);
/* a key that may open a ticket now; NULL when unknown or expired */
const struct resume_key *resume_keyring_find(const struct resume_keyring *ring,
					     const uint8_t id[RESUME_TICKET_KEY_ID_SIZE],
					     realtime_t now);

enum resume_key_role resume_key_role(const struct resume_keyring *ring,
				     const struct resume_key *key, realtime_t now);
/* when KEY stops opening tickets, and is deleted */
realtime_t resume_key_expires(const struct resume_keyring *ring,
			      const struct resume_key *key);

/*
 * A key new to the token (KEY.stored, .id, .created set): label it,
 * derive its session keys, add it to RING (dropping the oldest when
 * full).  On failure KEY is deleted from the token.
 */
diag_t resume_keyring_add_new_key(struct resume_keyring *ring, struct resume_key key,
				  realtime_t now, struct logger *logger);
/* delete RING's I'th key from the token and the ring, logged to STREAM */
void resume_keyring_delete_key(struct resume_keyring *ring, unsigned i, const char *why,
			       lset_t stream, struct logger *logger);

/* delete expired keys from the token */
void resume_keyring_expire(struct resume_keyring *ring, realtime_t now,
			   struct logger *logger);
/* the periodic work: advance the cluster ratchet, then expire */
void resume_keyring_refresh(struct resume_keyring *ring, realtime_t now,
			    struct logger *logger);
/* a new sealing key now; older keys keep opening until they expire */
diag_t resume_keyring_rotate(struct resume_keyring *ring, realtime_t now,
			     struct logger *logger);
/* delete every key from the token: every outstanding ticket dies */
void resume_keyring_purge(struct resume_keyring *ring, struct logger *logger);

/*
 * Whole tickets: advance the ring as
 * resume_keyring_advance_to_sealing_key() does, wrap SK_D and seal it
 * with STATE (whose .sk_d is ignored) under the sealing key; or check, open and decode a ticket
 * (header, key, tag, TLVs, expiry against NOW) and unwrap its SK_d
 * into *SK_D, a new reference (logged as one for pluto's reference
 * checks, DBG_REFCNT: NSS made it, no symkey helper did).  On RESUME_TICKET_OK the decoded STATE
 * points into *PLAINTEXT, which the caller frees with
 * free_resume_ticket_plaintext(); STATE's .sk_d is the wrapped form.
 */
chunk_t resume_keyring_advance_and_seal_ticket(struct resume_keyring *ring,
					       const struct resume_ticket_state *state,
					       PK11SymKey *sk_d,
					       realtime_t now, struct logger *logger);
enum resume_ticket_status resume_keyring_open_ticket(const struct resume_keyring *ring,
						     shunk_t ticket, realtime_t now,
						     chunk_t *plaintext,
						     struct resume_ticket_state *state,
						     PK11SymKey **sk_d, struct logger *logger);

/* id, created, role, expiry; never key material */
void jam_resume_key(struct jambuf *buf, const struct resume_keyring *ring,
		    const struct resume_key *key, realtime_t now);

#endif
