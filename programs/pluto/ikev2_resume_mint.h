/* IKEv2 session resumption (RFC 5723): the gateway mints a ticket, for libreswan
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

#ifndef IKEV2_RESUME_MINT_H
#define IKEV2_RESUME_MINT_H

#include "chunk.h"

struct host_end;

/*
 * RFC 4306 3.5: an end's ID as the ID payload's body (type, three
 * reserved octets, data), as a ticket holds it (the client store's
 * too).
 */
chunk_t resume_id_payload_body(const struct host_end *end);

/*
 * emit_v2N_TICKET_LT_OPAQUE() (RFC 5723 4.1: a ticket, or
 * TICKET_NACK) is declared in ikev2_ike_session_resume.h.
 */

#endif
