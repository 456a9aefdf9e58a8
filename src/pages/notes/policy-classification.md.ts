import {notePage} from "../../data/note-page.js";

notePage("policies/MEASURES.md", "The MINERS policy classification");
