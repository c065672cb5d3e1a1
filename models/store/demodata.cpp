#include "store/demodata.h"

#include <algorithm>

QByteArray DemoData::childRef(int index) const
{
    // 100000 + the last index, in decimal: six digits up to 899,999 children, then seven.
    int width = 6;
    for (qint64 last = 100000 + qint64(std::max<qsizetype>(1, children.size())) - 1; last >= 1000000; last /= 10)
        ++width;
    QByteArray ref(2 + width, '0');
    ref[0] = 'N';
    ref[1] = 'F';
    for (qint64 v = 100000 + index, i = 1 + width; v > 0 && i >= 2; v /= 10, --i)
        ref[i] = char('0' + v % 10);
    return ref;
}
