#pragma once

#include "domain/error.h"

#include <stdexcept>
#include <utility>
#include <variant>

namespace tosserp::domain {

/// Thrown only when code reads the value of a failed Result (or the error of a
/// successful one): a programming error, never an expected failure.
class BadResultAccess : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

/// Holds either a T or an Error. Expected failures travel as values; check ok()
/// before value(). Reading the wrong side throws BadResultAccess.
template <class T> class Result {
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const&
    {
        check();
        return std::get<0>(m_state);
    }
    T& value() &
    {
        check();
        return std::get<0>(m_state);
    }
    T&& value() &&
    {
        check();
        return std::get<0>(std::move(m_state));
    }
    const Error& error() const
    {
        if (ok())
            throw BadResultAccess("error() called on a successful result");
        return std::get<1>(m_state);
    }

    const T& operator*() const { return value(); }
    const T* operator->() const { return &value(); }

private:
    void check() const
    {
        if (!ok())
            throw BadResultAccess("value() called on a failed result: " + std::get<1>(m_state).code);
    }

    std::variant<T, Error> m_state;
};

/// Success without a value, or an Error.
template <> class Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_failed(true)
        , m_error(std::move(error))
    { }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const
    {
        if (!m_failed)
            throw BadResultAccess("error() called on a successful result");
        return m_error;
    }

private:
    bool m_failed = false;
    Error m_error;
};

} // namespace tosserp::domain
