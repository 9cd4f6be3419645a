/* IKEv2 session resumption (RFC 5723): what IKE_AUTH needs to resume a session, for libreswan
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
 * The resume session: the identities and the original authentication
 * IKE_AUTH needs to finish a resumption, from the ticket (gateway,
 * ikev2_resume_accept.h) or from the IKE SA the ticket came with
 * (client, ikev2_resume_client.h).  ikev2_ike_session_resume.c keeps
 * the exchange.
 */

#ifndef IKEV2_RESUME_SESSION_H
#define IKEV2_RESUME_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "id.h"
#include "chunk.h"
#include "realtime.h"
#include "ike_spi.h"
#include "pluto_constants.h"		/* for enum keyword_auth */
#include "ikev2_resume_ticket.h"	/* for RESUME_TICKET_ID_SIZE */
#include "ikev2_resume_auth.h"		/* for enum resume_auth_form */

struct connection_end;

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
	/* gateway: taken from the cluster's store by reference (GETDEL) */
	bool by_reference;
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
void pfree_resume_session(struct resume_session **session);

/* SESSION's identities and authentication, from the ends */
void set_resume_session(struct resume_session *session,
			const struct connection_end *initiator,
			const struct connection_end *responder,
			realtime_t auth_time);

/*
 * A ticket's code for an authentication method (0 when none), and
 * back: the ticket does not depend on the numbering of enum
 * keyword_auth in this build.  Shared with the client store.
 */
uint8_t resume_ticket_auth_code(enum keyword_auth auth);
bool resume_ticket_auth(uint8_t code, enum keyword_auth *auth);

/*
 * resume_session_auth() is declared in ikev2_ike_session_resume.h.
 */

#endif
