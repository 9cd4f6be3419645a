/* IKEv2 session resumption (RFC 5723): the client's ticket, for libreswan
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
 * The client keeps the ticket a gateway gave it on the connection
 * (RFC 5723 1: opaque, sent back as is), with what resuming needs,
 * until it is used, refused, expires or dies with its IKE SA.  The
 * copy kept across restarts is ikev2_resume_client_store.h's.
 */

#ifndef IKEV2_RESUME_CLIENT_H
#define IKEV2_RESUME_CLIENT_H

#include <stdbool.h>
#include <pk11pub.h>

#include "chunk.h"
#include "monotime.h"
#include "ietf_constants.h"
#include "ikev2_resume_session.h"	/* for struct resume_session */

struct ike_sa;
struct connection;
struct logger;

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
 * The client's copy for a new IKE SA resuming with C's ticket, to be
 * authenticated in 5.2's form if the gateway is known to want it;
 * counted as an attempt.
 */
struct resume_session *resume_session_for_initiator(const struct connection *c,
						    bool peer_pre_rfc_auth);

/*
 * The connection is going away, pluto shutting down: free the client's
 * ticket but keep its stored copy for the next pluto.  (pfree_session()
 * is for dropping a ticket: refused, used, expired, deleted.)
 */
void release_session(struct session **session);

/*
 * RFC 5723 6.2, a ticket dies with its IKE SA's deletion by a
 * Delete from either side, and when the user logs out (ipsec down).
 * whack --suspend keeps it: that is what it is for.
 */
void forget_v2_resume_ticket(struct connection *c, const char *why,
			     struct logger *logger);

/*
 * Its IKE_SESSION_RESUME request timed out; drop the ticket (logged,
 * counted) so that the retry is a full handshake.
 */
void drop_v2_resume_ticket_unanswered(struct ike_sa *ike);

/*
 * pfree_session() and jam_resume_ticket() are declared in
 * ikev2_ike_session_resume.h.
 */

#endif
