#!/usr/bin/python3
"""Wireshark's widgets by name, through the accessibility bus (AT-SPI).

run-gui.sh starts Wireshark with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 on a
D-Bus session bus of its own; Qt then shows every window, menu, button and
table cell on the at-spi2 bus, each with its role, its name (the text a
person reads) and its actions.  This script finds them by that name:

  a11y.py ready                          the accessibility bus answers
  a11y.py menu MENU ITEM                 Wireshark's menu bar: MENU -> ITEM, pressed
  a11y.py rows WINDOW MIN [NAME]         the first table or tree (called NAME) of the
                                         window whose title holds WINDOW, one row a
                                         line, cells tab-separated, headers first
                                         (waits for MIN rows)
  a11y.py centre WINDOW ROLE NAME        x y of the widget's centre on the screen
  a11y.py box WINDOW ROLE NAME           x y width height of the widget on the screen
  a11y.py choose WINDOW COMBO ITEM       opens the combo box whose text is COMBO;
                                         x y of its item ITEM (to click)
  a11y.py press WINDOW ROLE NAME         the widget's first action (a button's Press)

It runs as the user Wireshark runs as, with the same DBUS_SESSION_BUS_ADDRESS.
Each command waits up to 15 s for what it looks for; if it never comes it
says what there is instead and exits 1.
"""
import sys
import time
import warnings

warnings.simplefilter("ignore")  # gi's deprecation notes on get_action_iface
try:
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as err:
    print(f"a11y.py: no AT-SPI for python ({err})", file=sys.stderr)
    sys.exit(3)

TIMEOUT = 15.0


def children(acc):
    for i in range(acc.get_child_count()):
        child = acc.get_child_at_index(i)
        if child is not None:
            yield child


def find(acc, pred, depth=0):
    """The first accessible under acc (itself included) for which pred holds."""
    if pred(acc):
        return acc
    if depth > 14:
        return None
    for child in children(acc):
        found = find(child, pred, depth + 1)
        if found is not None:
            return found
    return None


def windows():
    """Every top-level window of every Wireshark on the bus."""
    desktop = Atspi.get_desktop(0)
    for app in children(desktop):
        if app.get_name() == "Wireshark":
            yield from children(app)


def window(title):
    for win in windows():
        if title in (win.get_name() or ""):
            return win
    return None


def describe():
    return "; ".join(f"{w.get_role_name()} {w.get_name()!r}" for w in windows()) or "none"


def retry(what, look):
    """look() until it gives something, for TIMEOUT seconds."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            found = look()
        except GLib.Error:  # a widget that went away while we read it
            found = None
        if found:
            return found
        if time.monotonic() > deadline:
            print(f"a11y.py: no {what}; Wireshark's windows: {describe()}", file=sys.stderr)
            sys.exit(1)
        time.sleep(0.2)


def act(acc, name=None):
    action = acc.get_action_iface()
    names = [action.get_action_name(i) for i in range(action.get_n_actions())] if action else []
    index = names.index(name) if name in names else 0 if names and name is None else -1
    if index < 0:
        print(f"a11y.py: {acc.get_name()!r} has no action {name or ''} ({names})", file=sys.stderr)
        sys.exit(1)
    action.do_action(index)


def centre(acc):
    box = acc.get_extents(Atspi.CoordType.SCREEN)
    return f"{box.x + box.width // 2} {box.y + box.height // 2}"


def named(role, name):
    return lambda a: a.get_role_name() == role and a.get_name() == name


def menu_item(menu, item):
    def look():
        for win in windows():
            bar = find(win, lambda a: a.get_role_name() == "menu bar", 2)
            top = bar and find(bar, named("menu item", menu), 1)
            if top:
                # The popup menu under the bar's item holds the items, and
                # their submenus theirs.
                return find(top, lambda a: a is not top and named("menu item", item)(a))
        return None

    return retry(f"menu item {menu} -> {item}", look)


def rows(title, minimum, name=None):
    def look():
        win = window(title)
        table = win and find(
            win,
            lambda a: a.get_role_name() in ("tree", "table", "tree table")
            and (name is None or a.get_name() == name),
        )
        if not table:
            return None
        heads = [c.get_name() for c in children(table) if c.get_role_name() == "table column header"]
        cells = [c.get_name() for c in children(table) if c.get_role_name() == "table cell"]
        if not heads or len(cells) < minimum * len(heads):
            return None
        return [heads] + [cells[i : i + len(heads)] for i in range(0, len(cells), len(heads))]

    return retry(f"table with {minimum} rows in a window '{title}'", look)


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    command, args = argv[0], argv[1:]
    if command == "ready":
        retry("accessibility bus", lambda: Atspi.get_desktop(0) is not None)
    elif command == "menu" and len(args) == 2:
        act(menu_item(*args), "Press")
    elif command == "rows" and len(args) in (2, 3):
        for row in rows(args[0], int(args[1]), *args[2:]):
            print("\t".join(row))
    elif command in ("centre", "box", "press") and len(args) == 3:
        title, role, name = args
        acc = retry(f"{role} '{name}' in '{title}'", lambda: window(title) and find(window(title), named(role, name)))
        if command == "press":
            act(acc)
        elif command == "box":
            box = acc.get_extents(Atspi.CoordType.SCREEN)
            print(box.x, box.y, box.width, box.height)
        else:
            print(centre(acc))
    elif command == "choose" and len(args) == 3:
        title, current, item = args
        combo = retry(f"combo box '{current}' in '{title}'", lambda: window(title) and find(window(title), named("combo box", current)))
        act(combo, "ShowMenu")
        print(centre(retry(f"item '{item}' of combo box '{current}'", lambda: find(combo, lambda a: a is not combo and a.get_name() == item))))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
