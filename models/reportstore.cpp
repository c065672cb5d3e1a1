#include "reportstore.h"

#include "store.h"

namespace ReportStore {

QString commentary(Store &store, const QString &indicator, const QString &period)
{
    return store.scalar(QStringLiteral("SELECT body FROM commentary WHERE indicator = ? AND period = ?"), {indicator, period}).toString();
}

} // namespace ReportStore
