#pragma once

#include "server/http/router.h"
#include "server/users/auth_service.h"
#include "server/users/users_service.h"

namespace tosserp::users {

/// The Users service's routes: sign-in and tokens under /api/v1/auth, the caller's own
/// profile under /api/v1/me, and users, roles and API keys for administrators.
void registerAuthRoutes(http::Router& router, AuthService& auth, UserService& users);
void registerUserRoutes(http::Router& router, UserService& users);

} // namespace tosserp::users
