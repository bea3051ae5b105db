// Counting replacements of the global operator new/delete, for the allocation tests. Include
// this header in exactly one translation unit of a test program: it *defines* the replaceable
// allocation functions. `allocations_in(f)` counts the allocations made while f runs, so that
// Catch2's own allocations around the call under test are not counted.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>

namespace rsconn_test {

inline std::size_t allocation_count = 0;
inline bool counting_allocations = false;

template <class F>
std::size_t allocations_in(F&& f) {
  allocation_count = 0;
  counting_allocations = true;
  f();
  counting_allocations = false;
  return allocation_count;
}

namespace detail {

inline void* counted_allocate(std::size_t size) {
  if (counting_allocations) ++allocation_count;
  if (size == 0) size = 1;
  if (void* p = std::malloc(size)) return p;
  throw std::bad_alloc();
}

inline void* counted_allocate_aligned(std::size_t size, std::align_val_t alignment) {
  if (counting_allocations) ++allocation_count;
  auto align = static_cast<std::size_t>(alignment);
  std::size_t rounded = (size + align - 1) / align * align;
  if (rounded == 0) rounded = align;
  if (void* p = std::aligned_alloc(align, rounded)) return p;
  throw std::bad_alloc();
}

}  // namespace detail
}  // namespace rsconn_test

void* operator new(std::size_t size) { return rsconn_test::detail::counted_allocate(size); }
void* operator new[](std::size_t size) { return rsconn_test::detail::counted_allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return rsconn_test::detail::counted_allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return rsconn_test::detail::counted_allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new(std::size_t size, std::align_val_t alignment) { return rsconn_test::detail::counted_allocate_aligned(size, alignment); }
void* operator new[](std::size_t size, std::align_val_t alignment) { return rsconn_test::detail::counted_allocate_aligned(size, alignment); }
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  try {
    return rsconn_test::detail::counted_allocate_aligned(size, alignment);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  try {
    return rsconn_test::detail::counted_allocate_aligned(size, alignment);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
