/* IKEv2 session resumption (RFC 5723): a planned shutdown, for libreswan
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
#include "ikev2_resume_shutdown.h"

bool pluto_resume_shutdown_keep = false;

void delete_resumable_ike_sas_on_shutdown(struct logger *logger)
{
	if (pluto_resume_shutdown_keep) {
		llog(RC_LOG, logger,
		     "shutdown for good: every IKE SA gets a Delete, session-resumption-shutdown=keep is overridden");
	}
	pluto_resume_shutdown_keep = false;
}

void leave_resumable_ike_sas(struct logger *logger)
{
	if (!pluto_resume_shutdown_keep) {
		return;
	}

	unsigned kept = 0;
	struct state_filter sf = {
		.ike_version = IKEv2,
		.search = {
			.order = OLD2NEW,
			.verbose.logger = logger,
			.where = HERE,
		},
	};
	while (next_state(&sf)) {
		struct state *st = sf.st;
		if (!IS_IKE_SA(st) || !IS_IKE_SA_ESTABLISHED(st) ||
		    !st->st_connection->config->session_resumption ||
		    st->st_on_delete.skip_send_delete) {
			continue;
		}
		/*
		 * RFC 5723 6.2: a Delete makes the peer drop its
		 * ticket; without one the peer's IKE SA just goes
		 * quiet, as after a crash (RFC 7296 2.4), and the
		 * peer resumes.
		 */
		on_delete(st, skip_send_delete);
		kept++;
		llog(RC_LOG, st->logger,
		     "shutdown: not sending a Delete so the peer keeps its session resumption ticket");
	}
	llog(RC_LOG, logger,
	     "shutdown: %u IKE SA%s left without a Delete for resumption",
	     kept, (kept == 1 ? "" : "s"));
}
