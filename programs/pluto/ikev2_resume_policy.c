/* IKEv2 session resumption (RFC 5723): a ticket against today's policy, for libreswan
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
#include "state.h"
#include "connections.h"
#include "log.h"
#include "log_limiter.h"
#include "secrets.h"		/* for pubkey_type_ecdsa */
#include "x509.h"		/* for trusted_ca() */
#include "jambuf.h"
#include "ikev2_resume_session.h"
#include "ikev2_resume_accept.h"	/* for resume_reject_reason_names */
#include "ikev2_resume_status.h"	/* for count_v2_resume_ticket_rejected() */
#include "enum_names.h"
#include "ikev2_resume_policy.h"

struct resume_policy resume_policy_of(const struct ike_sa *ike)
{
	const struct resume_session *resumed = ike->sa.st_v2_resume_session;
	const struct connection *c = ike->sa.st_connection;
	if (resumed != NULL) {
		/* resumed or rekeyed: the original authentication's */
		return (struct resume_policy) {
			.peer_auth = resumed->auth_method,
			.local_auth = (resumed->local_auth != AUTH_UNSET ?
				       resumed->local_auth : c->local->host.config->auth),
			.peer_ca = HUNK_AS_SHUNK(resumed->peer_ca),
		};
	}
	struct resume_policy policy = {
		.peer_auth = c->remote->host.config->auth,
		.local_auth = c->local->host.config->auth,
	};
	/*
	 * A signature: the key the peer signed with says which kind
	 * (authby=rsasig,ecdsa admits both), and the certificate it
	 * came in says which CA vouched for it (rightca= is judged
	 * against that).  Upstream 5.2 recorded only the configured
	 * auth= (#3028).
	 */
	const struct pubkey *key = ike->sa.st_peer_pubkey;
	if ((policy.peer_auth == AUTH_RSASIG || policy.peer_auth == AUTH_ECDSA) &&
	    key != NULL) {
		policy.peer_auth = (key->content.type == &pubkey_type_ecdsa ?
				    AUTH_ECDSA : AUTH_RSASIG);
		if (key->issuer.len <= RESUME_TICKET_MAX_PEER_CA_SIZE) {
			policy.peer_ca = HUNK_AS_SHUNK(key->issuer);
		} else {
			/* refused later, where rightca= asks */
			ldbg(ike->sa.logger, "peer certificate's issuer too long for a ticket");
		}
	}
	return policy;
}

void set_resume_session_policy(struct resume_session *session,
			       const struct ike_sa *old_ike)
{
	if (old_ike->sa.st_sa_role != SA_RESPONDER) {
		/* a client never mints tickets */
		return;
	}
	struct resume_policy policy = resume_policy_of(old_ike);
	session->auth_method = policy.peer_auth;
	session->local_auth = policy.local_auth;
	replace_chunk(&session->peer_ca, policy.peer_ca, "resume peer CA");
}

void resume_session_policy_from_ticket(struct resume_session *session,
				       const struct resume_ticket_state *state)
{
	free_resume_session_policy(session);
	if (state->conn_name.len > 0) {
		session->conn_name = clone_hunk_as_string(state->conn_name, "resume conn name");
	}
	if (state->peer_ca.len > 0) {
		session->peer_ca = clone_hunk(state->peer_ca, "resume peer CA");
	}
	/* 0: a ticket of an earlier build, which did not say */
	session->local_auth = AUTH_UNSET;
	if (state->local_auth != 0 &&
	    !resume_ticket_auth(state->local_auth, &session->local_auth)) {
		/* a code this build does not know: nothing admits it */
		session->local_auth = AUTH_NEVER;
	}
}

void clone_resume_session_policy(struct resume_session *clone,
				 const struct resume_session *session)
{
	clone->conn_name = clone_str(session->conn_name, "resume conn name");
	clone->peer_ca = clone_hunk(session->peer_ca, "resume peer CA");
}

void free_resume_session_policy(struct resume_session *session)
{
	pfreeany(session->conn_name);
	free_chunk_content(&session->peer_ca);
}

/*
 * Would END's configuration accept AUTH from the peer in a full
 * IKE_AUTH?  As verify_v2AUTH_and_log() decides: a signature needs
 * auth=rsasig or ecdsa and the signer's bit in authby=.
 */
static bool peer_auth_admitted(enum keyword_auth auth, const struct host_end_config *end)
{
	switch (auth) {
	case AUTH_PSK:
		return end->auth == AUTH_PSK;
	case AUTH_NULL:
		return end->auth == AUTH_NULL || end->authby.null;
	case AUTH_EAPONLY:
		return end->auth == AUTH_EAPONLY;
	case AUTH_RSASIG:
		return ((end->auth == AUTH_RSASIG || end->auth == AUTH_ECDSA) &&
			authby_has_rsasig(end->authby));
	case AUTH_ECDSA:
		return ((end->auth == AUTH_RSASIG || end->auth == AUTH_ECDSA) &&
			authby_has_ecdsa(end->authby));
	default:
		return false;
	}
}

static const char *auth_name(enum keyword_auth auth, enum_buf *b)
{
	return str_enum_short(&keyword_auth_names, auth, b);
}

/*
 * Judge SESSION's original authentication against C's policy; ID_C is
 * the connection whose remote ID is the pattern (an instance's
 * template: the instance's own ID is the peer's).  The reason, with
 * the detail in WHY.
 */
static enum resume_reject_reason judge(const struct resume_session *session,
				       const struct connection *c,
				       const struct connection *id_c,
				       struct jambuf *why,
				       struct logger *logger)
{
	const struct host_end_config *remote = c->remote->host.config;
	const struct host_end_config *local = c->local->host.config;
	enum_buf ab, wb;

	if (!peer_auth_admitted(session->auth_method, remote)) {
		authby_buf pb;
		jam(why, "peer first authenticated with %s, connection \"%s\" now wants %sauth=%s (authby=%s)",
		    auth_name(session->auth_method, &ab), c->name,
		    remote->leftright, auth_name(remote->auth, &wb),
		    str_authby(remote->authby, &pb));
		return RESUME_REJECT_AUTH_NOT_ADMITTED;
	}
	/* an earlier build's ticket does not say: judged on the rest */
	if (session->local_auth != AUTH_UNSET && session->local_auth != local->auth) {
		jam(why, "this end first authenticated with %s, connection \"%s\" now with %sauth=%s",
		    auth_name(session->local_auth, &ab), c->name,
		    local->leftright, auth_name(local->auth, &wb));
		return RESUME_REJECT_AUTH_NOT_ADMITTED;
	}

	/* the peer ID the connection accepts now, wildcards included */
	const struct id *want = &id_c->remote->host.id;
	int wildcards;
	struct verbose verbose = { .logger = logger, };
	if (want->kind != ID_FROMCERT &&
	    !match_id(&session->initiator_id, want, &wildcards, verbose)) {
		id_buf gb, wnb;
		jam(why, "peer ID '%s' is not connection \"%s\"'s '%s'",
		    str_id(&session->initiator_id, &gb), c->name, str_id(want, &wnb));
		return RESUME_REJECT_PEER_ID_NOT_ADMITTED;
	}
	/* RFC 5723 4.3.3: IDr must be the ticket's, and this end sends its own */
	if (!same_id(&session->responder_id, &c->local->host.id)) {
		id_buf gb, wnb;
		jam(why, "this end's ID '%s' is not connection \"%s\"'s '%s'",
		    str_id(&session->responder_id, &gb), c->name,
		    str_id(&c->local->host.id, &wnb));
		return RESUME_REJECT_ID_MISMATCH;
	}

	/* rightca=: the CA that issued the peer's certificate must be it, or under it */
	if ((session->auth_method == AUTH_RSASIG || session->auth_method == AUTH_ECDSA) &&
	    remote->ca.len > 0) {
		dn_buf cb;
		if (session->peer_ca.len == 0) {
			jam(why, "connection \"%s\" wants %sca='%s' and the ticket does not say which CA issued the peer's certificate",
			    c->name, remote->leftright, str_dn(ASN1(remote->ca), &cb));
			return RESUME_REJECT_CA_NOT_ADMITTED;
		}
		int pathlen;
		if (!trusted_ca(ASN1(session->peer_ca), ASN1(remote->ca), &pathlen, verbose)) {
			dn_buf ib;
			jam(why, "peer's certificate was issued by '%s', connection \"%s\" now wants %sca='%s'",
			    str_dn(ASN1(session->peer_ca), &ib), c->name,
			    remote->leftright, str_dn(ASN1(remote->ca), &cb));
			return RESUME_REJECT_CA_NOT_ADMITTED;
		}
	}
	return RESUME_REJECT_NONE;
}

static const struct connection *pattern_of(const struct connection *c)
{
	return (is_instance(c) && c->clonedfrom != NULL ? c->clonedfrom : c);
}

/* the connection now called NAME, a template or permanent one first */
static struct connection *connection_named(const char *name, struct logger *logger)
{
	struct connection *found = NULL;
	struct connection_filter cf = {
		.name = name,
		.ike_version = IKEv2,
		.search = {
			.order = OLD2NEW,
			.verbose.logger = logger,
			.where = HERE,
		},
	};
	while (next_connection(&cf)) {
		if (!is_instance(cf.c)) {
			return cf.c;
		}
		if (found == NULL) {
			found = cf.c;
		}
	}
	return found;
}

bool resume_ticket_admitted_by_its_connection(struct ike_sa *ike)
{
	const struct resume_session *session = ike->sa.st_v2_resume_session;
	const struct connection *c = ike->sa.st_connection;
	if (session->conn_name != NULL && !streq(session->conn_name, c->name)) {
		/* the address picked another; IKE_AUTH may switch to it */
		c = connection_named(session->conn_name, ike->sa.logger);
	}

	enum resume_reject_reason status;
	char detail[512];
	struct jambuf why = ARRAY_AS_JAMBUF(detail);
	if (c == NULL) {
		status = RESUME_REJECT_CONNECTION_GONE;
		jam(&why, "connection \"%s\" that issued it no longer exists", session->conn_name);
	} else if (!c->config->session_resumption) {
		status = RESUME_REJECT_CONNECTION_GONE;
		jam(&why, "connection \"%s\" that issued it no longer allows session resumption", c->name);
	} else {
		status = judge(session, c, pattern_of(c), &why, ike->sa.logger);
	}
	if (status == RESUME_REJECT_NONE) {
		return true;
	}
	count_v2_resume_ticket_rejected(status);
	/* before any authentication: rate limited */
	enum_buf sb;
	limited_llog(ike->sa.logger, UNSECURED_LOG_LIMITER,
		     "rejecting IKE_SESSION_RESUME ticket: %s: %s",
		     str_enum_long(&resume_reject_reason_names, status, &sb), detail);
	return false;
}

bool resume_session_admitted_by_connection(struct ike_sa *ike)
{
	const struct resume_session *session = ike->sa.st_v2_resume_session;
	const struct connection *c = ike->sa.st_connection;
	char detail[512];
	struct jambuf why = ARRAY_AS_JAMBUF(detail);
	enum resume_reject_reason status = judge(session, c, pattern_of(c), &why, ike->sa.logger);
	if (status == RESUME_REJECT_NONE) {
		return true;
	}
	count_v2_resume_ticket_rejected(status);
	enum_buf sb;
	llog(RC_LOG, ike->sa.logger,
	     "rejecting IKE_SESSION_RESUME ticket: %s: %s",
	     str_enum_long(&resume_reject_reason_names, status, &sb), detail);
	return false;
}
