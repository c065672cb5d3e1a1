#pragma once
// Disclosure control for public exports (PRODUCT §4; issue 15): which figures about children
// print as "c". Primary suppression hides every figure resting on 1-5 children; secondary
// suppression hides more parts of a total so that no hidden figure can be recovered by
// subtracting the parts shown from the total (or from a total published elsewhere).
#include <QVector>
#include <QtGlobal>

namespace Disclosure {

// Counts of 1 to 5 children are confidential (the DfE's convention); 0 is not.
inline bool isSmall(qint64 n) { return n >= 1 && n <= 5; }

// The count a share (part ÷ whole, the whole shown or published beside it) rests on: the part,
// or the rest of the whole when that is 1-5 (40 of 43 reveals the 3 who are not).
qint64 shareBasis(qint64 part, qint64 whole);

// Which parts of a total to suppress. Every part of 1-5 is suppressed; then, while the
// suppressed parts together hold 1 to 5 children (total minus the parts shown would reveal
// them), the smallest part still shown that holds any children is suppressed too; when no
// such part is left, the total. Zero parts are never chosen (a hidden 0 protects nothing).
struct Protection {
    QVector<bool> parts;  // suppress part i
    bool total = false;   // suppress the total as well
};
Protection protect(const QVector<qint64> &parts);

} // namespace Disclosure
