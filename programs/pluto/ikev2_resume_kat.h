/* IKEv2 session resumption (RFC 5723): --impair log-resume-kat, for libreswan
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
 * For --impair log-resume-kat: log what the resumed IKE SA's keys and
 * AUTH are computed from and what comes out, key bytes included, so
 * that a test can recompute them independently (docs/interop.md).
 * Never for production.
 */

#ifndef IKEV2_RESUME_KAT_H
#define IKEV2_RESUME_KAT_H

#include "ike_spi.h"

struct ike_sa;
struct crypt_mac;
struct resume_auth_input;

void log_resume_kat_input(const struct ike_sa *ike);
void log_resume_kat_output(const struct ike_sa *ike, const ike_spis_t *new_spis);
void log_resume_kat_auth(const struct ike_sa *ike,
			 const struct resume_auth_input *input,
			 const struct crypt_mac *auth);

#endif
