/* IKEv2 session resumption (RFC 5723): the client's tickets across restarts, for libreswan
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

#include <sys/stat.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "defs.h"
#include "connections.h"
#include "log.h"
#include "lswconf.h"
#include "lswnss.h"
#include "crypt_symkey.h"
#include "ikev2_ike_session_resume.h"	/* for pfree_session() */
#include "ikev2_resume_client.h"
#include "ikev2_resume_mint.h"	/* for resume_id_payload_body() */
#include "ikev2_resume_keyring.h"
#include "ikev2_resume_client_store.h"
#include "ikev2_resume_file.h"

#define STORE_MAGIC		"LSRC"
#define STORE_MAGIC_SIZE	4
#define STORE_VERSION		1
#define STORE_HEADER_SIZE	(STORE_MAGIC_SIZE + 4 + 4)	/* magic, version+reserved, length */
/* the gateway's ticket is opaque; one this big is not kept */
#define STORE_MAX_TICKET_SIZE	(4 * RESUME_TICKET_MAX_SIZE)
#define STORE_MAX_SIZE		(STORE_HEADER_SIZE + STORE_MAX_TICKET_SIZE + RESUME_TICKET_MAX_SIZE)

/* the record's flags */
#define STORE_FLAG_PEER_PRE_RFC_AUTH	0x1	/* c->resume_peer_pre_rfc_auth */

/*
 * The client's own ring: a key seals records for a day and opens them
 * for a month more, so a stored ticket that the gateway let live that
 * long still opens; the client rewrites its record at every refresh.
 */
static const struct resume_keyring_policy client_ring_policy = {
	.rotation = DELTATIME_INIT(24 * secs_per_hour),
	.ticket_lifetime = DELTATIME_INIT(31 * secs_per_day),
	.label_prefix = RESUME_CLIENT_KEY_LABEL_PREFIX,
};

static struct resume_keyring *client_ring;
static bool client_ring_failed;	/* logged once; not tried again */

static struct resume_keyring *get_client_ring(realtime_t now, struct logger *logger)
{
	if (client_ring != NULL) {
		resume_keyring_refresh(client_ring, now, logger);
		return client_ring;
	}
	if (client_ring_failed) {
		return NULL;
	}
	PK11SlotInfo *slot = lsw_nss_get_authenticated_slot(logger);
	diag_t d = (slot == NULL ? diag("the NSS DB is not usable") :
		    resume_keyring_open(&client_ring, slot, &client_ring_policy,
					/*seed*/NULL, now, logger));
	if (slot != NULL) {
		PK11_FreeSlot(slot);
	}
	if (d != NULL) {
		llog(RC_LOG, logger,
		     "session resumption: tickets are not kept across restarts: %s", str_diag(d));
		pfree_diag(&d);
		client_ring_failed = true;
		return NULL;
	}
	return client_ring;
}

void shutdown_v2_resume_client_store(void)
{
	resume_keyring_close(&client_ring);
}

/* <nssdir>/resume-client[/<name, %-escaped>]; NULL when too long */
static char *store_path(const char *conn_name)
{
	char path[PATH_MAX];
	const char *nssdir = lsw_init_options()->nssdir;
	int n = snprintf(path, sizeof(path), "%s/" RESUME_CLIENT_STORE_DIR,
			 (startswith(nssdir, "sql:") ? nssdir + strlen("sql:") : nssdir));
	if (conn_name != NULL) {
		n += snprintf(path + n, sizeof(path) - n, "/");
		for (const char *p = conn_name; *p != '\0' && n < (int)sizeof(path); p++) {
			bool plain = (isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == '.');
			n += snprintf(path + n, sizeof(path) - n, (plain ? "%c" : "%%%02x"),
				      (unsigned char)*p);
		}
	}
	/* room for write_store()'s RESUME_FILE_NEW_SUFFIX too */
	if (n >= (int)(sizeof(path) - sizeof(RESUME_FILE_NEW_SUFFIX))) {
		return NULL;
	}
	return clone_str(path, "resume client store path");
}

static bool write_store(const char *file, shunk_t ticket, shunk_t record,
			struct logger *logger)
{
	char *dir = store_path(NULL);
	if (mkdir(dir, S_IRWXU) != 0 && errno != EEXIST) {
		llog_errno(RC_LOG, logger, errno,
			   "session resumption: ticket not kept across restarts: creating %s failed: ", dir);
		pfree(dir);
		return false;
	}
	pfree(dir);

	uint8_t header[STORE_HEADER_SIZE] = STORE_MAGIC;
	header[STORE_MAGIC_SIZE] = STORE_VERSION;
	uint32_t len = htonl(ticket.len);
	memcpy(header + STORE_MAGIC_SIZE + 4, &len, sizeof(len));

	/* a new file replaces the old one whole, or not at all */
	const shunk_t pieces[] = {
		THING_AS_SHUNK(header),
		ticket,
		record,
	};
	const char *what;
	int error;
	bool ok = resume_file_replace(file, pieces, elemsof(pieces), &what, &error);
	if (!ok) {
		llog_errno(RC_LOG, logger, error,
			   "session resumption: ticket not kept across restarts: %s %s failed: ",
			   what, file);
	}
	return ok;
}

void save_v2_resume_client_ticket(struct connection *c, struct logger *logger)
{
	struct session *session = c->session;
	if (session == NULL || !is_permanent(c)) {
		/* an instance's name does not outlive it */
		return;
	}
	realtime_t now = realnow();
	deltatime_t life = monotime_diff(session->sr_expires, mononow());
	uint8_t auth = resume_ticket_auth_code(session->resume.auth_method);
	if (deltasecs(life) <= 0 || auth == 0 ||
	    session->ticket.len > STORE_MAX_TICKET_SIZE) {
		llog(RC_LOG, logger,
		     "session resumption: ticket not kept across restarts: %s",
		     (deltasecs(life) <= 0 ? "it has expired" :
		      auth == 0 ? "the authentication method can not be recorded" :
		      "it is too big"));
		return;
	}
	char *file = store_path(c->name);
	if (file == NULL) {
		llog(RC_LOG, logger,
		     "session resumption: ticket not kept across restarts: the connection name is too long for a file name");
		return;
	}
	struct resume_keyring *ring = get_client_ring(now, logger);
	if (ring == NULL) {
		pfree(file);
		return;
	}

	chunk_t idi = resume_id_payload_body(&c->local->host);
	chunk_t idr = resume_id_payload_body(&c->remote->host);
	struct resume_ticket_state state = {
		.idi = HUNK_AS_SHUNK(idi),
		.idr = HUNK_AS_SHUNK(idr),
		.peer_auth = auth,
		.auth_time = session->resume.auth_time.rt.tv_sec,
		.expiry = realtime_add(now, life).rt.tv_sec,
		.transforms = {
			.encr = session->sr_encr,
			.encr_keylen = session->sr_enc_keylen,
			.prf = session->sr_prf,
			.integ = session->sr_integ,
			.dh = session->sr_dh,
		},
		.conn_name = shunk1(c->name),
		.flags = (c->resume_peer_pre_rfc_auth ? STORE_FLAG_PEER_PRE_RFC_AUTH : 0),
	};
	chunk_t record = resume_keyring_advance_and_seal_ticket(ring, &state, session->sk_d_old,
								now, logger);
	free_chunk_content(&idi);
	free_chunk_content(&idr);
	if (record.len == 0) {
		/* logged */
		pfree(file);
		return;
	}
	if (write_store(file, HUNK_AS_SHUNK(session->ticket), HUNK_AS_SHUNK(record), logger)) {
		pfreeany(session->stored_file);
		session->stored_file = file;
		ldbg(logger, "session resumption: ticket kept in %s", file);
	} else {
		pfree(file);
	}
	free_chunk_content(&record);
}

/* why FILE can not be used; NULL when SESSION was filled in */
static const char *open_store(struct connection *c, shunk_t contents,
			      struct session *session, struct logger *logger)
{
	if (contents.len < STORE_HEADER_SIZE ||
	    !memeq(contents.ptr, STORE_MAGIC, STORE_MAGIC_SIZE)) {
		return "not a stored ticket";
	}
	const uint8_t *header = contents.ptr;
	if (header[STORE_MAGIC_SIZE] != STORE_VERSION) {
		return "unknown version";
	}
	uint32_t len;
	memcpy(&len, header + STORE_MAGIC_SIZE + 4, sizeof(len));
	len = ntohl(len);
	if (len == 0 || len > contents.len - STORE_HEADER_SIZE) {
		return "truncated";
	}
	shunk_t ticket = hunk_slice(contents, STORE_HEADER_SIZE, STORE_HEADER_SIZE + len);
	shunk_t record = hunk_slice(contents, STORE_HEADER_SIZE + len, contents.len);

	realtime_t now = realnow();
	struct resume_keyring *ring = get_client_ring(now, logger);
	if (ring == NULL) {
		return "the NSS DB is not usable";
	}
	chunk_t plaintext;
	struct resume_ticket_state state;
	PK11SymKey *sk_d;
	enum resume_ticket_status status =
		resume_keyring_open_ticket(ring, record, now, &plaintext, &state,
					   &sk_d, logger);
	if (status != RESUME_TICKET_OK) {
		return resume_ticket_status_name(status);
	}

	const char *why = NULL;
	chunk_t idi = resume_id_payload_body(&c->local->host);
	chunk_t idr = resume_id_payload_body(&c->remote->host);
	enum keyword_auth auth;
	if (!hunk_eq(state.conn_name, shunk1(c->name))) {
		why = "stored for another connection";
	} else if (!hunk_eq(state.idi, idi) || !hunk_eq(state.idr, idr)) {
		why = "the connection's IDs have changed";
	} else if (!resume_ticket_auth(state.peer_auth, &auth)) {
		why = "unknown authentication method";
	} else {
		deltatime_t life = realtime_diff(realtime(state.expiry), now);
		session->sr_expires = monotime_add(mononow(), life);
		session->ticket = clone_hunk(ticket, "stored resume ticket");
		set_resume_session(&session->resume, /*initiator*/c->local,
				   /*responder*/c->remote, realtime(state.auth_time));
		session->resume.auth_method = auth;
		session->sr_encr = state.transforms.encr;
		session->sr_enc_keylen = state.transforms.encr_keylen;
		session->sr_prf = state.transforms.prf;
		session->sr_integ = state.transforms.integ;
		session->sr_dh = state.transforms.dh;
		session->sk_d_old = sk_d;
		sk_d = NULL;
		c->resume_peer_pre_rfc_auth = (state.flags & STORE_FLAG_PEER_PRE_RFC_AUTH);
	}
	free_chunk_content(&idi);
	free_chunk_content(&idr);
	free_resume_ticket_plaintext(&plaintext);
	symkey_delref(logger, "stored SK_d", &sk_d);
	return why;
}

void load_v2_resume_client_ticket(struct connection *c, struct logger *logger)
{
	if (c->session != NULL || !c->config->session_resumption || !is_permanent(c)) {
		return;
	}
	char *file = store_path(c->name);
	if (file == NULL) {
		return;
	}
	chunk_t contents;
	int error;
	if (!resume_file_read(file, STORE_MAX_SIZE, &contents, &error) && error == ENOENT) {
		pfree(file);
		return;
	}

	struct session *session = alloc_thing(struct session, "stored resume ticket");
	const char *why = (contents.ptr == NULL ?
			   (error == EFBIG ? "too big" : strerror(error)) :
			   open_store(c, HUNK_AS_SHUNK(contents), session, logger));
	free_resume_ticket_plaintext(&contents);
	/* a file that can not be used goes; pfree_session() deletes it */
	session->stored_file = file;
	if (why != NULL) {
		llog(RC_LOG, logger,
		     "session resumption: discarding the ticket stored in %s: %s; authenticating in full",
		     file, why);
		pfree_session(&session);
		return;
	}
	c->session = session;
	llog(RC_LOG, logger,
	     "session resumption: using the ticket kept from before the restart (expires in %jds)",
	     deltasecs(monotime_diff(session->sr_expires, mononow())));
}
