/* IKEv2 session resumption (RFC 5723): a cluster's shared store on Redis, for libreswan
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
 * The one connection to Redis: made on pluto's event loop (hiredis'
 * libevent adapter), made again with back-off when lost, refused or
 * silent.  The address and credentials it uses are
 * ikev2_resume_store_config.c's; what is sent on it is in
 * ikev2_resume_store.c and ikev2_resume_store_revoke.c.
 */

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>
#include <hiredis/hiredis.h>
#include <hiredis/async.h>
#include <hiredis/adapters/libevent.h>

#include "defs.h"
#include "log.h"
#include "server.h"		/* for get_pluto_event_base(), schedule_timeout() */
#include "timer.h"
#include "ikev2_resume_store_link.h"
#include "ikev2_resume_store_config.h"

#define MIN_BACKOFF_MS		100
#define MAX_BACKOFF_MS		5000
#define CONNECT_TIMEOUT_MS	1000
/* this many requests in a row unanswered in time: the connection is dead */
#define MAX_TIMEOUTS_IN_A_ROW	3

struct resume_store_stats resume_store_stats;

/* the configuration's (ikev2_resume_store_config.c) */
#define config (*resume_store_config())
#define endpoint (*resume_store_endpoint())

enum store_state {
	STORE_DOWN,
	STORE_CONNECTING,
	STORE_CONNECTED,
};

static const char *const store_state_name[] = {
	[STORE_DOWN] = "down",
	[STORE_CONNECTING] = "connecting",
	[STORE_CONNECTED] = "connected",
};

static struct {
	bool started;
	bool stopping;
	bool usable;		/* the configuration can be used */
	enum store_state state;
	redisAsyncContext *ac;
	struct timeout *reconnect;
	struct timeout *connect_timer;
	unsigned backoff_ms;
	unsigned timeouts_in_a_row;
	char member[HOST_NAME_MAX + 32];
	const char *why_down;	/* a static string */
} store;

static void connect_store(struct logger *logger);

redisAsyncContext *resume_store_link(void)
{
	if (!store.usable || store.stopping || store.state != STORE_CONNECTED) {
		return NULL;
	}
	return store.ac;
}

bool resume_store_stopping(void)
{
	return store.stopping;
}

const char *resume_store_link_state(void)
{
	return store_state_name[store.state];
}

const char *resume_store_link_why_down(void)
{
	return (store.state == STORE_CONNECTED ? NULL : store.why_down);
}

const char *resume_store_member(void)
{
	return store.member;
}

void jam_resume_store_words(struct jambuf *buf, const char *words, size_t len)
{
	if (words == NULL || len == 0) {
		jam_string(buf, "(nothing)");
		return;
	}
	jam_sanitized_bytes(buf, words, (len > RESUME_STORE_MAX_WORDS ?
					 RESUME_STORE_MAX_WORDS : len));
	if (len > RESUME_STORE_MAX_WORDS) {
		jam(buf, "... (%zu bytes)", len);
	}
}

/* hiredis' own words about a context: bounded, and printable */
static void jam_errstr(struct jambuf *buf, const redisAsyncContext *ac)
{
	if (ac == NULL || ac->errstr[0] == '\0') {
		jam_string(buf, "closed");
		return;
	}
	jam_resume_store_words(buf, ac->errstr, strnlen(ac->errstr, sizeof(ac->errstr)));
}

static void drop_connection(const char *why)
{
	if (store.ac != NULL) {
		store.why_down = why;
		redisAsyncContext *ac = store.ac;
		store.ac = NULL;
		/* calls every pending callback with no reply */
		redisAsyncFree(ac);
	}
}

void resume_store_link_answered(void)
{
	store.timeouts_in_a_row = 0;
}

void resume_store_link_unanswered(struct logger *logger)
{
	if (++store.timeouts_in_a_row >= MAX_TIMEOUTS_IN_A_ROW) {
		llog(RC_LOG, logger,
		     "session resumption store: %u requests in a row unanswered; reconnecting",
		     store.timeouts_in_a_row);
		store.timeouts_in_a_row = 0;
		drop_connection("requests unanswered");
		store.state = STORE_DOWN;
		connect_store(logger);
	}
}

static void reconnect_timer(void *arg UNUSED, const struct timer_event *event)
{
	destroy_timeout(&store.reconnect);
	connect_store(event->logger);
}

static void schedule_reconnect(struct logger *logger)
{
	if (store.stopping || store.reconnect != NULL) {
		return;
	}
	store.state = STORE_DOWN;
	destroy_timeout(&store.connect_timer);
	ldbg(logger, "session resumption store: reconnecting in %ums", store.backoff_ms);
	schedule_timeout("resume store reconnect", &store.reconnect,
			 deltatime_from_milliseconds(store.backoff_ms), reconnect_timer, NULL);
	store.backoff_ms = (store.backoff_ms * 2 > MAX_BACKOFF_MS ? MAX_BACKOFF_MS :
			    store.backoff_ms * 2);
}

static void setup_reply(redisAsyncContext *ac UNUSED, void *r, void *privdata)
{
	const char *what = privdata;
	const redisReply *reply = r;
	if (store.stopping || reply == NULL) {
		return;
	}
	if (reply->type == REDIS_REPLY_STATUS && streq(reply->str, "OK")) {
		ldbg(&global_logger, "session resumption store: %s accepted", what);
		return;
	}
	/* never the credentials; the store's words say which */
	LLOG_JAMBUF(RC_LOG, &global_logger, buf) {
		jam(buf, "session resumption store: %s refused: ", what);
		if (reply->type == REDIS_REPLY_ERROR) {
			jam_resume_store_words(buf, reply->str, reply->len);
		} else {
			jam_string(buf, "unexpected answer");
		}
		jam_string(buf, "; the store is not used until it accepts it");
	}
	drop_connection(what);
	schedule_reconnect(&global_logger);
}

static void on_connect(const redisAsyncContext *ac, int status)
{
	destroy_timeout(&store.connect_timer);
	if (store.stopping || ac != store.ac) {
		return;
	}
	if (status != REDIS_OK) {
		/* hiredis frees AC after this */
		store.ac = NULL;
		if (store.why_down == NULL || !streq(store.why_down, "connect failed")) {
			LLOG_JAMBUF(RC_LOG, &global_logger, buf) {
				jam(buf, "session resumption store: connecting to %s failed: ",
				    config.address);
				jam_errstr(buf, ac);
			}
		}
		store.why_down = "connect failed";
		schedule_reconnect(&global_logger);
		return;
	}
	llog(RC_LOG, &global_logger, "session resumption store: connected to %s",
	     config.address);
	store.state = STORE_CONNECTED;
	store.why_down = NULL;
	store.backoff_ms = MIN_BACKOFF_MS;
	store.timeouts_in_a_row = 0;
	/* after AUTH and SELECT, which hiredis sends first */
	resend_queued_v2_resume_store_revocations(store.ac, &global_logger);
}

static void on_disconnect(const redisAsyncContext *ac, int status UNUSED)
{
	if (store.stopping) {
		return;
	}
	if (ac == store.ac) {
		/* hiredis frees AC after this */
		store.ac = NULL;
		LLOG_JAMBUF(RC_LOG, &global_logger, buf) {
			jam(buf, "session resumption store: connection to %s lost: ",
			    config.address);
			jam_errstr(buf, ac);
			jam_string(buf, "; reconnecting");
		}
		store.why_down = "connection lost";
	}
	schedule_reconnect(&global_logger);
}

static void connect_timeout(void *arg UNUSED, const struct timer_event *event)
{
	destroy_timeout(&store.connect_timer);
	if (store.state == STORE_CONNECTING) {
		llog(RC_LOG, event->logger,
		     "session resumption store: connecting to %s took longer than %dms",
		     config.address, CONNECT_TIMEOUT_MS);
		drop_connection("connect timed out");
		schedule_reconnect(event->logger);
	}
}

static void connect_store(struct logger *logger)
{
	if (store.stopping || !store.usable || store.ac != NULL) {
		return;
	}
	resume_store_stats.reconnects++;
	redisAsyncContext *ac = (endpoint.unix_path != NULL ?
				 redisAsyncConnectUnix(endpoint.unix_path) :
				 redisAsyncConnect(endpoint.ip, endpoint.port));
	if (ac == NULL) {
		llog(RC_LOG, logger, "session resumption store: out of memory connecting");
		schedule_reconnect(logger);
		return;
	}
	if (ac->err != 0) {
		if (store.why_down == NULL || !streq(store.why_down, "connect failed")) {
			LLOG_JAMBUF(RC_LOG, logger, buf) {
				jam(buf, "session resumption store: connecting to %s failed: ",
				    config.address);
				jam_errstr(buf, ac);
			}
		}
		store.why_down = "connect failed";
		redisAsyncFree(ac);
		schedule_reconnect(logger);
		return;
	}
	if (redisLibeventAttach(ac, get_pluto_event_base()) != REDIS_OK) {
		llog(RC_LOG, logger, "session resumption store: cannot attach to the event loop");
		redisAsyncFree(ac);
		schedule_reconnect(logger);
		return;
	}
	store.ac = ac;
	store.state = STORE_CONNECTING;
	redisAsyncSetConnectCallback(ac, on_connect);
	redisAsyncSetDisconnectCallback(ac, on_disconnect);
	/* queued now, sent first once connected: every request follows them */
	if (endpoint.password != NULL) {
		if (endpoint.user != NULL) {
			const char *argv[] = { "AUTH", endpoint.user, endpoint.password, };
			redisAsyncCommandArgv(ac, setup_reply, "AUTH", elemsof(argv), argv, NULL);
		} else {
			const char *argv[] = { "AUTH", endpoint.password, };
			redisAsyncCommandArgv(ac, setup_reply, "AUTH", elemsof(argv), argv, NULL);
		}
	}
	if (endpoint.db != 0) {
		char db[16];
		snprintf(db, sizeof(db), "%u", endpoint.db);
		const char *argv[] = { "SELECT", db, };
		redisAsyncCommandArgv(ac, setup_reply, "SELECT", elemsof(argv), argv, NULL);
	}
	load_v2_resume_store_scripts(ac);
	schedule_timeout("resume store connect", &store.connect_timer,
			 deltatime_from_milliseconds(CONNECT_TIMEOUT_MS), connect_timeout, NULL);
}

/* the configuration can not be used: say so, and what tickets get */
static void not_used(const char *what, const char *value, const char *why,
		     const char *down, struct logger *logger)
{
	store.why_down = down;
	llog(RC_LOG, logger,
	     "session resumption store%s %s: %s; the store is not used and every presented ticket is %s",
	     what, value, why,
	     (config.failure == RESUME_STORE_FAIL_CLOSED ? "refused (store unavailable)" :
	      "checked by this member only"));
}

void start_v2_resume_store(struct logger *logger)
{
	if (store.started || config.address == NULL) {
		return;
	}
	store.started = true;
	store.backoff_ms = MIN_BACKOFF_MS;
	char host[HOST_NAME_MAX + 1] = "";
	gethostname(host, sizeof(host) - 1);
	snprintf(store.member, sizeof(store.member), "%s/%d", host, (int)getpid());
	const char *why = parse_resume_store_address(config.address);
	if (why != NULL) {
		not_used("", config.address, why, "address invalid", logger);
		return;
	}
	if (config.credentials != NULL &&
	    (why = read_resume_store_credentials(config.credentials)) != NULL) {
		not_used(" credentials", config.credentials, why, "credentials refused", logger);
		return;
	}
	store.usable = true;
	llog(RC_LOG, logger,
	     "session resumption store: %s, per request %jdms, failure=%s%s",
	     config.address, milliseconds_from_deltatime(config.timeout),
	     (config.failure == RESUME_STORE_FAIL_CLOSED ? "closed" : "local"),
	     (endpoint.password != NULL ? ", with credentials" : ""));
	connect_store(logger);
}

void stop_v2_resume_store(void)
{
	store.stopping = true;
	destroy_timeout(&store.reconnect);
	destroy_timeout(&store.connect_timer);
	drop_connection("stopped");
	free_queued_v2_resume_store_revocations();
	free_resume_store_config();
}

