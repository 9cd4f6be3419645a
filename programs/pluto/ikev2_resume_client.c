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

#include <errno.h>
#include <unistd.h>

#include "defs.h"
#include "state.h"
#include "connections.h"
#include "log.h"
#include "crypt_symkey.h"
#include "ikev2_ike_session_resume.h"	/* for pfree_session(), jam_resume_ticket() */
#include "ikev2_resume_client.h"
#include "ikev2_resume_policy.h"
#include "ikev2_resume_status.h"

struct resume_session *resume_session_for_initiator(const struct connection *c,
						    bool peer_pre_rfc_auth)
{
	struct resume_session *session = clone_resume_session(&c->session->resume);
	session->auth_form = (peer_pre_rfc_auth ? RESUME_AUTH_LIBRESWAN_5_2 :
			      RESUME_AUTH_RFC5723);
	count_v2_resume_attempt();
	return session;
}

void forget_v2_resume_ticket(struct connection *c, const char *why,
			     struct logger *logger)
{
	if (c->session == NULL) {
		return;
	}
	llog(RC_LOG, logger, "dropping the session resumption ticket: %s", why);
	pfree_session(&c->session);
}

void pfree_session(struct session **session)
{
	if (*session != NULL && (*session)->stored_file != NULL &&
	    unlink((*session)->stored_file) != 0 && errno != ENOENT) {
		llog_errno(RC_LOG, &global_logger, errno,
			   "session resumption: deleting the stored ticket %s failed: ",
			   (*session)->stored_file);
	}
	release_session(session);
}

void release_session(struct session **session)
{
	if (*session == NULL) {
		return;
	}
	pfreeany((*session)->stored_file);
	free_id_content(&(*session)->resume.initiator_id);
	free_id_content(&(*session)->resume.responder_id);
	free_resume_session_policy(&(*session)->resume);
	free_chunk_content(&(*session)->ticket);
	symkey_delref(&global_logger, "session.sk_d_old", &(*session)->sk_d_old);
	pfree((*session));
	(*session) = NULL;
}

void jam_resume_ticket(struct jambuf *buf, const struct session *session)
{
	jam_string(buf, "session resume ticket:");
	if (session == NULL) {
		jam_string(buf, " none");
		return;
	}
	jam(buf, " length: %zu bytes;", session->ticket.len);
	monotime_t now = mononow();
	if (monotime_cmp(session->sr_expires, <=, now)) {
		jam_string(buf, " expired;");
	} else {
		jam(buf, " expires-in: %jds;",
		    deltasecs(monotime_diff(session->sr_expires, now)));
	}
}

void drop_v2_resume_ticket_unanswered(struct ike_sa *ike)
{
	struct connection *c = ike->sa.st_connection;
	if (c->session == NULL) {
		return;
	}
	/*
	 * A gateway that lost its state can answer; one that drops
	 * exchange 38 (or a middlebox that does) never will, and 5.2
	 * presented the same ticket again on every retry until it
	 * expired.  Never present it again.
	 */
	pfree_session(&c->session);
	count_v2_resume_timeout();
	llog(RC_LOG, ike->sa.logger,
	     "no answer to the IKE_SESSION_RESUME request; dropped the ticket, the next attempt uses IKE_SA_INIT");
}
