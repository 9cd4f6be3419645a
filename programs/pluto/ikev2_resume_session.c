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

#include "defs.h"
#include "connections.h"
#include "ikev2_ike_session_resume.h"	/* for resume_session_auth() */
#include "ikev2_resume_session.h"
#include "ikev2_resume_policy.h"

struct resume_session *clone_resume_session(const struct resume_session *session)
{
	struct resume_session *clone = clone_bytes(session, sizeof(*session), "resume session");
	clone->initiator_id = clone_id(&session->initiator_id, "resume initiator ID");
	clone->responder_id = clone_id(&session->responder_id, "resume responder ID");
	clone_resume_session_policy(clone, session);
	return clone;
}

void pfree_resume_session(struct resume_session **session)
{
	if (*session == NULL) {
		return;
	}
	free_id_content(&(*session)->initiator_id);
	free_id_content(&(*session)->responder_id);
	free_resume_session_policy(*session);
	pfree(*session);
	*session = NULL;
}

void set_resume_session(struct resume_session *session,
			const struct connection_end *initiator,
			const struct connection_end *responder,
			realtime_t auth_time)
{
	free_id_content(&session->initiator_id);
	free_id_content(&session->responder_id);
	session->initiator_id = clone_id(&initiator->host.id, "resume initiator ID");
	session->responder_id = clone_id(&responder->host.id, "resume responder ID");
	session->auth_method = initiator->host.config->auth;
	session->auth_time = auth_time;
}

enum keyword_auth resume_session_auth(const struct resume_session *session)
{
	return session->auth_method;
}

/*
 * The ticket records how the peer first authenticated (RFC 5723 5:
 * "authentication method ... from the ticket") with a code of its own,
 * so that the ticket does not depend on the numbering of enum
 * keyword_auth in this build.
 */
static const struct {
	enum keyword_auth auth;
	uint8_t code;
} ticket_auth_codes[] = {
	{ AUTH_PSK, 1, },
	{ AUTH_RSASIG, 2, },
	{ AUTH_ECDSA, 3, },
	{ AUTH_NULL, 4, },
	{ AUTH_EAPONLY, 5, },
};

uint8_t resume_ticket_auth_code(enum keyword_auth auth)
{
	FOR_EACH_ELEMENT(e, ticket_auth_codes) {
		if (e->auth == auth) {
			return e->code;
		}
	}
	return 0;
}

bool resume_ticket_auth(uint8_t code, enum keyword_auth *auth)
{
	FOR_EACH_ELEMENT(e, ticket_auth_codes) {
		if (e->code == code) {
			*auth = e->auth;
			return true;
		}
	}
	return false;
}
