import {notePage} from "../data/note-page.js";

notePage("PROVENANCE.md", "Source provenance");
