package org.threadline.synth.population;

import java.util.ArrayList;
import java.util.List;

/** A household while it is being simulated: people living together at one address. */
final class Home {
    final int id;
    final long address;
    final String authority;
    final List<Integer> members = new ArrayList<>();

    Home(int id, long address, String authority) {
        this.id = id;
        this.address = address;
        this.authority = authority;
    }
}
