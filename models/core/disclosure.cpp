#include "core/disclosure.h"

namespace Disclosure {

qint64 shareBasis(qint64 part, qint64 whole)
{
    if (isSmall(part) || whole <= 0)
        return part;
    const qint64 rest = whole - part;
    return isSmall(rest) ? rest : part;
}

Protection protect(const QVector<qint64> &parts)
{
    Protection p;
    p.parts.fill(false, parts.size());
    qint64 hidden = 0;
    for (int i = 0; i < parts.size(); ++i)
        if (isSmall(parts[i])) {
            p.parts[i] = true;
            hidden += parts[i];
        }
    while (isSmall(hidden)) {
        int next = -1;
        for (int i = 0; i < parts.size(); ++i)
            if (!p.parts[i] && parts[i] > 0 && (next < 0 || parts[i] < parts[next]))
                next = i;
        if (next < 0) {
            p.total = true;
            break;
        }
        p.parts[next] = true;
        hidden += parts[next];
    }
    return p;
}

} // namespace Disclosure
