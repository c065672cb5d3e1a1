#include "storeevents.h"

#include <QHash>
#include <memory>

namespace {
QHash<const Store *, std::shared_ptr<StoreEvents>> &registry()
{
    static QHash<const Store *, std::shared_ptr<StoreEvents>> r;
    return r;
}
} // namespace

StoreEvents *StoreEvents::of(const Store &store)
{
    auto &r = registry();
    auto it = r.find(&store);
    if (it == r.end())
        it = r.insert(&store, std::shared_ptr<StoreEvents>(new StoreEvents));
    return it->get();
}

void StoreEvents::forget(const Store &store)
{
    registry().remove(&store);
}
