#pragma once

#include "domain/result.h"

#include <gtest/gtest.h>

#include <string_view>

namespace tosserp::domain::testing {

/// Success when `result` failed with exactly this kind, code and field and a non-empty
/// message; otherwise a failure describing what came back.
template <class R>
::testing::AssertionResult failsWith(
    const R& result, ErrorKind kind, std::string_view code, std::string_view field = {})
{
    if (result.ok())
        return ::testing::AssertionFailure() << "expected error " << code << " but the result is ok";
    const Error& error = result.error();
    if (error.kind != kind || error.code != code || error.field != field || error.message.empty()) {
        return ::testing::AssertionFailure() << "expected " << errorKindName(kind) << "/" << code << " field '" << field
                                             << "' but got " << errorKindName(error.kind) << "/" << error.code
                                             << " field '" << error.field << "' message '" << error.message << "'";
    }
    return ::testing::AssertionSuccess();
}

/// Success when `result` is ok; otherwise a failure naming the error.
template <class R>::testing::AssertionResult succeeds(const R& result)
{
    if (result.ok())
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "unexpected error " << result.error().code << " (field '"
                                         << result.error().field << "'): " << result.error().message;
}

} // namespace tosserp::domain::testing
