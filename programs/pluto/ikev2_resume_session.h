/* IKEv2 session resumption (RFC 5723): tickets <-> IKE SAs, for libreswan
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
 * The gateway side mints tickets from an established IKE SA and turns a
 * presented ticket back into the state IKE_AUTH needs; the client side
 * keeps what it received.  The ticket bytes themselves are the codec's
 * (ikev2_resume_ticket.h) and their keys the key ring's
 * (ikev2_resume_keyring.h); ikev2_ike_session_resume.c keeps the
 * exchange.
 */

#ifndef IKEV2_RESUME_SESSION_H
#define IKEV2_RESUME_SESSION_H

#include <pk11pub.h>

#include "id.h"
#include "chunk.h"
#include "shunk.h"
#include "realtime.h"
#include "deltatime.h"
#include "monotime.h"
#include "ietf_constants.h"
#include "pluto_constants.h"
#include "crypt_mac.h"
#include "diag.h"
#include "ikev2_resume_ticket.h"
#include "ike_spi.h"

struct ike_sa;
struct pbs_out;
struct connection_end;
struct logger;
struct jambuf;
struct show;
struct connection;

/* config setup: session-resumption-key-rotation=, -ticket-lifetime= */
extern deltatime_t pluto_resume_key_rotation;
extern deltatime_t pluto_resume_ticket_lifetime;
/* config setup: session-resumption-cluster-seed=FILE, or NULL */
extern char *pluto_resume_cluster_seed;
/* session-resumption-replay-cache=: the single-use cache's cap */
extern unsigned pluto_resume_replay_cache_entries;
/* the bounds plutomain enforces: >0; ~64 bytes an entry at most */
#define MIN_RESUME_REPLAY_CACHE_ENTRIES	1
#define MAX_RESUME_REPLAY_CACHE_ENTRIES	(64 * 1000 * 1000)
#define DEFAULT_RESUME_KEY_ROTATION	(12 * secs_per_hour)
#define DEFAULT_RESUME_TICKET_LIFETIME	(24 * secs_per_hour)

/*
 * How the AUTH payload of the IKE_AUTH that follows IKE_SESSION_RESUME
 * is computed.  See docs/interop.md for why both exist.
 */
enum resume_auth_form {
	/*
	 * RFC 5723 4.3.3 with RFC 7296 2.15: prf(SK_px, <message octets>
	 * | peer's nonce | prf(SK_px, ID')), keyed directly with SK_px.
	 */
	RESUME_AUTH_RFC5723,
	/*
	 * libreswan 5.2: prf(SK_px, <message octets>), the sender's own
	 * IKE_SESSION_RESUME message only.  Accepted from, and sent to,
	 * peers that have shown they speak only this.
	 */
	RESUME_AUTH_LIBRESWAN_5_2,
};

/*
 * What IKE_AUTH needs to finish a resumption: the identities and how
 * the peer first authenticated, from the ticket (gateway) or from the
 * IKE SA the ticket came with (client).
 */
struct resume_session {
	struct id initiator_id;
	struct id responder_id;
	enum keyword_auth auth_method;	/* the initiator's, as first used */
	realtime_t auth_time;		/* when that happened */
	/* gateway: the ticket this IKE SA is being resumed with */
	bool from_ticket;
	uint8_t ticket_id[RESUME_TICKET_ID_SIZE];
	realtime_t ticket_expiry;
	/* the SPIs of the IKE SA the ticket was issued for (4.3.4) */
	ike_spis_t ticket_ike_spis;
	/*
	 * Client: the form its AUTH is sent in.  Gateway: the form the
	 * client's AUTH verified in, which its own AUTH then uses.
	 */
	enum resume_auth_form auth_form;
	/*
	 * Gateway: the policy that admitted the peer, judged again when
	 * the ticket is presented (ikev2_resume_policy.h): the
	 * connection that issued the ticket (or NULL), the issuer of
	 * the peer's certificate (or empty), this end's method
	 * (AUTH_UNSET when an earlier build's ticket does not say).
	 */
	char *conn_name;
	chunk_t peer_ca;
	enum keyword_auth local_auth;
};

struct resume_session *clone_resume_session(const struct resume_session *session);
/*
 * The client's copy for a new IKE SA resuming with C's ticket, to be
 * authenticated in 5.2's form if the gateway is known to want it.
 */
struct resume_session *resume_session_for_initiator(const struct connection *c,
						    bool peer_pre_rfc_auth);

/*
 * The AUTH octets of a resumed IKE_AUTH in IKE's form; SK_px, the
 * message and the nonce as RFC 7296 2.15 picks them for the
 * perspective.
 */
struct crypt_mac resume_auth_sighash(const struct ike_sa *ike,
				     PK11SymKey *SK_px,
				     chunk_t message, shunk_t nonce,
				     const struct crypt_mac *idhash,
				     shunk_t intermediate);
/*
 * Check the peer's AUTH.  The gateway accepts either form and records
 * the one that matched; the client only the form it sent.
 */
diag_t verify_resume_auth(const struct ike_sa *ike,
			  const struct crypt_mac *idhash,
			  shunk_t received);
/*
 * The client's resumed IKE_AUTH got AUTHENTICATION_FAILED: a gateway
 * that verifies only 5.2's form refuses the RFC's.  Sets the
 * connection's *PEER_PRE_RFC_AUTH when that is the likely reason.
 */
void resume_auth_refused(const struct ike_sa *ike, bool *peer_pre_rfc_auth);

/*
 * Client counters, for --resumestatus: the gateway refused the
 * IKE_SESSION_RESUME request with REFUSAL (TICKET_NACK, ...), or the
 * ticket expired before it could be used; either way a full handshake
 * follows.  (Attempts, completions and AUTHENTICATION_FAILED are
 * counted here, where they happen.)
 */
void count_v2_resume_refusal(v2_notification_t refusal);
void count_v2_resume_ticket_expired(void);

/*
 * Client: its IKE_SESSION_RESUME request timed out; drop the ticket
 * (logged, counted) so that the retry is a full handshake.
 */
void drop_v2_resume_ticket_unanswered(struct ike_sa *ike);

/*
 * Gateway: the id of the ticket issued with IKE (a keyed hash of its
 * SPIs under a secret of this process), computable again from IKE
 * alone: how ipsec down revokes it (ikev2_resume_revocation.h).
 */
void resume_ticket_id_of(const struct ike_sa *ike, uint8_t id[RESUME_TICKET_ID_SIZE]);

/*
 * For --impair log-resume-kat: log what the resumed IKE SA's keys and
 * AUTH are computed from and what comes out, key bytes included, so
 * that a test can recompute them independently.  Never for production.
 */
void log_resume_kat_input(const struct ike_sa *ike);
void log_resume_kat_output(const struct ike_sa *ike, const ike_spis_t *new_spis);
void log_resume_kat_auth(const struct ike_sa *ike, PK11SymKey *SK_px,
			 shunk_t message, shunk_t nonce,
			 const struct crypt_mac *idhash,
			 const struct crypt_mac *auth);
void pfree_resume_session(struct resume_session **session);

/* the client's copy of a ticket, on the connection */
struct session {
	struct resume_session resume;
	PK11SymKey *sk_d_old;
	enum ikev2_trans_type_encr sr_encr;
	enum ikev2_trans_type_prf sr_prf;
	enum ikev2_trans_type_integ sr_integ;
	enum ike_trans_type_dh sr_dh;
	unsigned sr_enc_keylen;
	monotime_t sr_expires;
	/* opaque to the client (RFC 5723 1): sent back as is */
	chunk_t ticket;
	/*
	 * The copy kept across restarts (ikev2_resume_client_store.h),
	 * or NULL.  pfree_session() discards the ticket and so deletes
	 * it; release_session() only frees the memory.
	 */
	char *stored_file;
};

/*
 * The connection is going away, pluto shutting down: free the client's
 * ticket but keep its stored copy for the next pluto.  (pfree_session()
 * is for dropping a ticket: refused, used, expired, deleted.)
 */
void release_session(struct session **session);

/*
 * Shared with the client store: the ticket's code for an authentication
 * method (0 when none), and back; an end's ID as the ID payload's body.
 */
uint8_t resume_ticket_auth_code(enum keyword_auth auth);
bool resume_ticket_auth(uint8_t code, enum keyword_auth *auth);
struct host_end;
chunk_t resume_id_payload_body(const struct host_end *end);

/*
 * Client: RFC 5723 6.2, a ticket dies with its IKE SA's deletion by a
 * Delete from either side, and when the user logs out (ipsec down).
 * whack --suspend keeps it: that is what it is for.
 */
void forget_v2_resume_ticket(struct connection *c, const char *why,
			     struct logger *logger);

void set_resume_session(struct resume_session *session,
			const struct connection_end *initiator,
			const struct connection_end *responder,
			realtime_t auth_time);

/*
 * Gateway: open a presented ticket into IKE (algorithms, SK_d, the
 * resume session).  False after logging the reason and counting it;
 * the caller answers TICKET_NACK.
 */
bool open_v2_resume_ticket(struct ike_sa *ike, shunk_t ticket);

void count_v2_resume_ticket_rejected(enum resume_ticket_status why);

/*
 * Gateway, once an IKE SA is established: if it was resumed, its ticket
 * has now been used (RFC 5723 4.3.1) and is refused from then on.
 */
void record_v2_resume_ticket_used(struct ike_sa *ike);

/* whack: counters and keys (never key bytes); rotate; purge */
void show_resume_status(struct show *s);
void rotate_v2_resume_key(struct logger *logger);
void purge_v2_resume_keys(struct logger *logger);

#endif
